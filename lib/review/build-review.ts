import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareFiles, type SideFile } from "@/lib/diff/compare-files";
import { sideFileFromBytes } from "@/lib/diff/load-side";
import { findCounterpart, type PairCandidate } from "@/lib/diff/pairing";
import { CatFileBatch } from "@/lib/git/cat-file-batch";
import { git, repositoryTop } from "@/lib/git/git-cli";
import { verifyRevision } from "@/lib/git/revision";
import { suiteOf } from "@/lib/index/suite";
import { gitChanges, isRecordingPath, type GitChange } from "./git-changes";
import { groupChanges } from "./groups";
import { requestIdentity } from "./request-identity";
import { maskReviewSides, withSecrets } from "./secret-sides";
import { loadAllowList } from "@/lib/secrets/allow-list";
import { REVIEW_VERDICTS, type Review, type ReviewChange, type ReviewVerdict } from "./review-types";

export interface ReviewOptions {
  repo: string;
  base: string;
  /** A revision, or null for the working tree (untracked files included). */
  head: string | null;
  /** Git pathspecs (from the repository top) limiting the review to some folders; all when absent. */
  paths?: readonly string[];
}

interface Sides {
  before: SideFile | null;
  after: SideFile | null;
  /** Why a side that should be there is not (a broken recording). */
  problem: string | null;
  /** Neither side is, nor starts like, a recording (a YAML file that is no cassette): not reviewed. */
  foreign: boolean;
}

function textOf(side: SideFile, index: number | null): string | null {
  const response = index === null ? undefined : side.file.interactions[index]?.exchange.response;
  return response?.type === "message" ? (response.choices[0]?.content ?? null) : null;
}

/** The exchange that stands for a file when pairing it with another name: its first call's. */
function headExchange(side: SideFile | null | undefined) {
  return side?.file.interactions[0]?.exchange ?? null;
}

function testOf(side: SideFile | null): string | null {
  if (!side) return null;
  return side.file.format === "llama-stack" ? (headExchange(side)?.testId ?? null) : side.file.test;
}

function reviewChange(change: GitChange, pairedBy: ReviewChange["pairedBy"], sides: Sides): ReviewChange {
  const base = {
    status: change.status,
    path: change.path,
    oldPath: change.oldPath,
    pairedBy,
    testId: testOf(sides.after) ?? testOf(sides.before),
    suite: suiteOf(change.path),
    request: [],
    response: [],
    noise: [],
    text: null,
    interactions: null,
  };
  if (change.status === "added" && !change.oldPath)
    return { ...base, verdict: "added", summary: "new recording" };
  if (change.status === "removed")
    return { ...base, verdict: "removed", summary: "removed; nothing replaces it" };
  if (!sides.before || !sides.after) {
    return { ...base, verdict: "error", summary: `cannot compare: ${sides.problem ?? "a side is missing"}` };
  }
  const comparison = compareFiles(sides.before, sides.after);
  const details = comparison.pairs.flatMap((pair) => (pair.comparison ? [pair.comparison] : []));
  let text: ReviewChange["text"] = null;
  for (const pair of comparison.pairs) {
    const before = textOf(sides.before, pair.a);
    const after = textOf(sides.after, pair.b);
    if (before !== null && after !== null && before !== after) {
      text = { before, after };
      break;
    }
  }
  return {
    ...base,
    verdict: comparison.verdict,
    summary: comparison.summary,
    request: details.flatMap((d) => d.request),
    response: details.flatMap((d) => [...d.response, ...d.rawResponse]),
    noise: details.flatMap((d) => d.noise),
    text,
    interactions: comparison.cassette
      ? comparison.pairs.map(({ a, b, verdict, summary }) => ({ a, b, verdict, summary }))
      : null,
  };
}

/**
 * Reviews the recording changes between two revisions: what git reports (with its rename and copy
 * detection), then the pairs git missed (a delete and an add of the same test, an add whose request
 * already existed in base), each with the diff's verdict, grouped by the change they repeat.
 */
export async function buildReview(options: ReviewOptions): Promise<Review> {
  // git prints paths from the repository top; read the working tree and list untracked files from there too.
  const repo = (await repositoryTop(options.repo)) ?? options.repo;
  const baseCommit = await verifyRevision(repo, options.base);
  const headCommit = options.head === null ? null : await verifyRevision(repo, options.head);
  const changes = await gitChanges(repo, baseCommit, headCommit, options.paths ?? []);
  const batch = new CatFileBatch(repo);
  try {
    // Blobs are read as bytes: a `.yaml.gz` cassette is gzip.
    const readBase = async (path: string) => (await batch.read(`${baseCommit}:${path}`)) ?? null;
    const readHead = async (path: string): Promise<Uint8Array | null> =>
      headCommit === null
        ? await readFile(join(repo, path)).catch(() => null)
        : ((await batch.read(`${headCommit}:${path}`)) ?? null);
    const decode = (bytes: Uint8Array | null, path: string) =>
      bytes === null ? null : sideFileFromBytes(bytes, path);

    const sides = new Map<GitChange, Sides>();
    await Promise.all(
      changes.map(async (change) => {
        const oldPath = change.oldPath ?? change.path;
        const before = change.status === "added" ? null : decode(await readBase(oldPath), oldPath);
        const after = change.status === "removed" ? null : decode(await readHead(change.path), change.path);
        const problem =
          [before, after].flatMap((d) => (d && !d.decoded.ok ? [d.decoded.reason] : []))[0] ?? null;
        const present = [before, after].filter((d) => d !== null);
        const foreign =
          !change.path.endsWith(".json") &&
          present.length > 0 &&
          present.every((d) => !d.decoded.ok && !d.decoded.startsLikeRecording);
        sides.set(change, { before: before?.side ?? null, after: after?.side ?? null, problem, foreign });
      }),
    );

    // Pair what git did not: a removed and an added file that record the same test (or request).
    const pairedBy = new Map<GitChange, ReviewChange["pairedBy"]>();
    for (const change of changes) if (change.oldPath) pairedBy.set(change, "git");
    const removed = changes.filter((c) => c.status === "removed" && sides.get(c)?.before);
    const pool: (PairCandidate & { change: GitChange })[] = removed.flatMap((change) => {
      const exchange = headExchange(sides.get(change)?.before);
      return exchange ? [{ path: change.path, exchange, change }] : [];
    });
    const consumed = new Set<GitChange>();
    const added = changes.filter((c) => c.status === "added" && sides.get(c)?.after);
    for (const pass of ["test", "request"] as const) {
      for (const change of added) {
        if (change.oldPath) continue;
        const exchange = headExchange(sides.get(change)?.after);
        if (!exchange) continue;
        const free = pool.filter((candidate) => !consumed.has(candidate.change));
        const found = findCounterpart({ path: change.path, exchange }, free);
        if (!found || found.by !== pass) continue;
        const match = pool.find((candidate) => candidate.path === found.candidate.path);
        if (!match) continue;
        consumed.add(match.change);
        change.status = "renamed";
        change.oldPath = match.path;
        pairedBy.set(change, found.by);
        const entry = sides.get(change);
        if (entry) entry.before = sides.get(match.change)?.before ?? null;
      }
    }

    // An added file whose request already existed in base is a copy of it.
    const unpaired = added.filter((change) => !change.oldPath);
    if (unpaired.length > 0) {
      const baseKeys = await baseRequestKeys(repo, baseCommit, batch);
      for (const change of unpaired) {
        const entry = sides.get(change);
        const key = entry?.after?.file.format === "llama-stack" ? requestIdentity(entry.after.raw) : null;
        const source = key === null ? undefined : baseKeys.get(key);
        if (!entry || source === undefined) continue;
        const bytes = await readBase(source);
        change.status = "copied";
        change.oldPath = source;
        pairedBy.set(change, "request");
        entry.before = decode(bytes, source)?.side ?? null;
      }
    }

    // Credentials are masked in every side before anything is compared; a change that adds one is a `secret`.
    const secrets = await maskReviewSides(sides, await loadAllowList(repo));
    const reviewed = changes
      .filter((change) => !consumed.has(change) && !sides.get(change)?.foreign)
      .map((change) =>
        withSecrets(
          reviewChange(
            change,
            pairedBy.get(change) ?? null,
            sides.get(change) ?? { before: null, after: null, problem: null, foreign: false },
          ),
          secrets.get(change),
        ),
      );
    const rank = (verdict: ReviewVerdict) => REVIEW_VERDICTS.indexOf(verdict);
    reviewed.sort(
      (a, b) => rank(a.verdict) - rank(b.verdict) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );

    const verdicts: Record<ReviewVerdict, number> = {
      secret: 0,
      error: 0,
      request: 0,
      response: 0,
      added: 0,
      removed: 0,
      noise: 0,
      identical: 0,
    };
    const statuses = { added: 0, removed: 0, modified: 0, renamed: 0, copied: 0 };
    for (const change of reviewed) {
      verdicts[change.verdict]++;
      statuses[change.status]++;
    }
    return {
      base: options.base,
      head: options.head ?? "working tree",
      summary: { ...statuses, verdicts },
      groups: groupChanges(reviewed),
      changes: reviewed,
    };
  } finally {
    batch.close();
  }
}

/** Request key → path of every recording in the base tree. */
async function baseRequestKeys(
  repo: string,
  commit: string,
  batch: CatFileBatch,
): Promise<Map<string, string>> {
  const listing = await git(repo, ["ls-tree", "-r", "-z", "--name-only", commit]);
  const paths = listing.split("\0").filter(Boolean);
  const folders = paths.some((path) => path.split("/").slice(0, -1).includes("recordings"));
  const keys = new Map<string, string>();
  await Promise.all(
    paths
      .filter((path) => path.endsWith(".json") && isRecordingPath(path, folders))
      .map(async (path) => {
        const blob = await batch.read(`${commit}:${path}`);
        if (!blob) return;
        try {
          const key = requestIdentity(JSON.parse(blob.toString("utf8")));
          if (key !== null && !keys.has(key)) keys.set(key, path);
        } catch {
          // A broken base file cannot be the source of a copy.
        }
      }),
  );
  return keys;
}
