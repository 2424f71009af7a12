import type { SideFile } from "@/lib/diff/compare-files";
import { notAllowed } from "@/lib/secrets/allow-list";
import { publicFinding, type DetectedSecret, type SecretFinding } from "@/lib/secrets/finding";
import { scanAndMaskFile } from "@/lib/secrets/masked-source";
import type { SecretlintMemo } from "@/lib/secrets/secretlint-memo";
import type { ReviewChange } from "./review-types";

interface SidePair {
  before: SideFile | null;
  after: SideFile | null;
}

/**
 * Scans both sides of every change, masks them in place (a side shared by two changes is scanned
 * once), and returns per change the credentials its head side adds: found there, not in its base
 * side, and not allowed by the allow-list. Called before the sides are compared, so no
 * difference, excerpt or summary can hold a credential. One `memo` serves a whole review.
 */
export async function maskReviewSides<K>(
  sides: Map<K, SidePair>,
  allowed: ReadonlySet<string>,
  memo?: SecretlintMemo,
): Promise<Map<K, SecretFinding[]>> {
  const scanned = new Map<SideFile, Promise<{ side: SideFile; secrets: DetectedSecret[] }>>();
  const scan = (side: SideFile) => {
    let known = scanned.get(side);
    if (!known) {
      known = scanAndMaskFile(side, memo);
      scanned.set(side, known);
    }
    return known;
  };
  const added = new Map<K, SecretFinding[]>();
  await Promise.all(
    [...sides].map(async ([key, pair]) => {
      // Both sides at once: their new lines are linted in one run (see `SecretlintMemo`).
      const [before, after] = await Promise.all([
        pair.before ? scan(pair.before) : null,
        pair.after ? scan(pair.after) : null,
      ]);
      pair.before = before?.side ?? null;
      pair.after = after?.side ?? null;
      const known = new Set(before?.secrets.map((secret) => secret.fingerprint));
      const fresh = notAllowed(after?.secrets ?? [], allowed).filter(
        (secret) => !known.has(secret.fingerprint),
      );
      if (fresh.length > 0) added.set(key, fresh.map(publicFinding));
    }),
  );
  return added;
}

/** A change that adds a credential: verdict `secret`, said first in its summary. */
export function withSecrets(change: ReviewChange, secrets: SecretFinding[] | undefined): ReviewChange {
  if (!secrets || secrets.length === 0) return change;
  const first = secrets[0];
  const what = first
    ? `${first.rule} in ${first.interaction === null ? "" : `#${first.interaction} `}${first.location} (${first.preview})`
    : "";
  const more = secrets.length > 1 ? ` and ${secrets.length - 1} more` : "";
  return {
    ...change,
    verdict: "secret",
    summary: `adds a credential: ${what}${more}; ${change.summary}`,
    secrets,
  };
}
