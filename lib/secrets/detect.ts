import type { RecordingFile } from "@/lib/model/recording-file";
import { detectedSecret, type DetectedSecret } from "./finding";
import { isPlaceholder } from "./placeholder";
import { recordingRuleFindings, type RawFinding } from "./recording-rules";
import type { SecretlintMemo } from "./secretlint-memo";
import { secretlintFindings } from "./secretlint-scan";
import { recordingSegments, walkBody, type Segment } from "./segments";

/** Rules that name a credential's kind, preferred over the rules that know only its place. */
const PLACE_RULES = new Set(["credential-header", "credential-query", "credential-field"]);
/** Shorter than this, a value is too common to mask everywhere it occurs. */
const MIN_VALUE = 8;

/**
 * One finding per credential and interaction: the first place it shows (headers come first),
 * named by the most specific rule that found it.
 */
function merge(raw: RawFinding[]): DetectedSecret[] {
  const byKey = new Map<string, RawFinding>();
  for (const finding of raw) {
    const value = finding.value.trim();
    if (value.length < MIN_VALUE || isPlaceholder(value)) continue;
    const key = `${finding.interaction ?? ""}\u0000${value}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { ...finding, value });
    else if (PLACE_RULES.has(known.rule) && !PLACE_RULES.has(finding.rule)) known.rule = finding.rule;
  }
  return [...byKey.values()].map((finding) =>
    detectedSecret(finding.value, {
      interaction: finding.interaction,
      location: finding.location,
      rule: finding.rule,
    }),
  );
}

function order(a: DetectedSecret, b: DetectedSecret): number {
  return (a.interaction ?? -1) - (b.interaction ?? -1);
}

async function detectInSegments(segments: Segment[], memo?: SecretlintMemo): Promise<DetectedSecret[]> {
  const raw: RawFinding[] = [];
  for (const segment of segments) raw.push(...recordingRuleFindings(segment));
  raw.push(...(await secretlintFindings(segments, memo)));
  return merge(raw).sort(order);
}

/**
 * Every credential in a decoded recording (before the allow-list). A reader of many files passes
 * one `memo` to all of them: lines already linted are not linted again.
 */
export function detectSecrets(file: RecordingFile, memo?: SecretlintMemo): Promise<DetectedSecret[]> {
  return detectInSegments(recordingSegments(file), memo);
}

/**
 * A file that does not decode is still scanned: its text, line by line, by the known formats
 * alone (base64 runs left out), so a broken cassette cannot hide a key.
 */
export function detectSecretsInText(text: string): Promise<DetectedSecret[]> {
  const segments: Segment[] = [];
  text.split("\n").forEach((line, i) =>
    walkBody(
      line,
      { interaction: null, where: `line ${i + 1}`, path: "", key: null, depth: 0 },
      (segment) => {
        if (segment.kind === "text") segments.push({ ...segment, location: `line ${i + 1}` });
      },
    ),
  );
  return secretlintFindings(segments).then((raw) => merge(raw).sort(order));
}
