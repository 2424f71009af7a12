import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareFiles, headExchange, type SideFile } from "@/lib/diff/compare-files";
import { sideFileFromBytes } from "@/lib/diff/load-side";
import { findCounterpart, type PairCandidate } from "@/lib/diff/pairing";
import { CatFileBatch, tooLargeReason, type BlobRead } from "@/lib/git/cat-file-batch";
import { checkoutTop, git } from "@/lib/git/git-cli";
import { verifyRevision } from "@/lib/git/revision";
import { environmentLimits } from "@/lib/config";
import { suiteOf } from "@/lib/index/suite";
import { gitChanges, isRecordingPath, type GitChange } from "./git-changes";
import { groupChanges } from "./groups";
import { requestIdentity } from "./request-identity";
import { maskReviewSides, withSecrets } from "./secret-sides";
import { loadAllowList } from "@/lib/secrets/allow-list";
import { forgetParsedStreams, keepParsedStreams } from "@/lib/providers/sse-text";
import { SecretlintMemo } from "@/lib/secrets/secretlint-memo";
import {
  countChanges,
  REVIEW_VERDICTS,
  type Review,
  type ReviewChange,
  type ReviewVerdict,
} from "./review-types";

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

/** The promise, its failure handled for now: it is awaited later, after others. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** A decoded side with its result; null when the side is absent. */
type Loaded = ReturnType<typeof sideFileFromBytes> | null;

/** A blob refused for its size, as a side that does not decode. */
function tooLarge(size: number, maxBytes: number): Loaded {
  const reason = tooLargeReason(size, maxBytes);
  return {
    side: null,
    decoded: { ok: false, kind: "too-large", reason, raw: undefined, startsLikeRecording: true },
  };
}

function sidesFrom(change: GitChange, before: Loaded, after: Loaded): Sides {
  const problem = [before, after].flatMap((d) => (d && !d.decoded.ok ? [d.decoded.reason] : []))[0] ?? null;
  const present = [before, after].filter((d) => d !== null);
  const foreign =
    !change.path.endsWith(".json") &&
    present.length > 0 &&
    present.every((d) => !d.decoded.ok && !d.decoded.startsLikeRecording);
  return { before: before?.side ?? null, after: after?.side ?? null, problem, foreign };
}

function textOf(side: SideFile, index: number | null): string | null {
  const response = index === null ? undefined : side.file.interactions[index]?.exchange.response;
  return response?.type === "message" ? (response.choices[0]?.content ?? null) : null;
}

function testOf(side: SideFile | null): string | null {
  if (!side) return null;
  return side.file.format === "llama-stack" ? (headExchange(side)?.testId ?? null) : side.file.test;
}

/** The lists one after another, copied only when there are two or more that hold something (a re-recorded cassette lists tens of thousands of fields). */
function concatenated<T>(lists: T[][]): T[] {
  const full = lists.filter((list) => list.length > 0);
  return full.length === 1 ? (full[0] ?? []) : full.flat();
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
    request: concatenated(details.flatMap((d) => [d.request])),
    response: concatenated(details.flatMap((d) => [d.response, d.rawResponse])),
    noise: concatenated(details.flatMap((d) => [d.noise])),
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
  const repo = (await checkoutTop(options.repo)) ?? options.repo;
  // The git commands that do not wait on each other run side by side; the base's error is said first.
  const allowList = quiet(loadAllowList(repo));
  const head = options.head === null ? null : quiet(verifyRevision(repo, options.head));
  const baseCommit = await verifyRevision(repo, options.base);
  const headCommit = await head;
  const changes = await gitChanges(repo, baseCommit, headCommit, options.paths ?? []);
  const limits = environmentLimits();
  const batch = new CatFileBatch(repo, limits.maxFileBytes);
  // A stream decoded is laid out for the diff just after: its events are parsed once.
  const releaseStreams = keepParsedStreams();
  try {
    // Blobs are read as bytes (a `.yaml.gz` cassette is gzip); one past the size limit is not read.
    const readBase = (path: string) => batch.readBlob(`${baseCommit}:${path}`);
    const readHead = async (path: string): Promise<BlobRead> => {
      if (headCommit !== null) return batch.readBlob(`${headCommit}:${path}`);
      const bytes = await readFile(join(repo, path)).catch(() => null);
      return bytes === null ? { kind: "missing" } : { kind: "blob", bytes };
    };
    const decode = (read: BlobRead, path: string): Loaded =>
      read.kind === "missing"
        ? null
        : read.kind === "too-large"
          ? tooLarge(read.size, read.maxBytes)
          : sideFileFromBytes(read.bytes, path, limits);
    // Every blob is asked for at once (one cat-file process answers in turn); each change is then
    // decoded, masked and compared on its own, so only one change's decoded sides are held at a time.
    const blobs = new Map(
      changes.map((change) => {
        const oldPath = change.oldPath ?? change.path;
        const before = change.status === "added" ? null : quiet(readBase(oldPath));
        const after = change.status === "removed" ? null : quiet(readHead(change.path));
        return [change, { before, after }] as const;
      }),
    );
    const sides = new Map<GitChange, Sides>();
    const sidesOf = async (change: GitChange): Promise<Sides> => {
      const known = sides.get(change);
      if (known) return known;
      const reads = blobs.get(change);
      blobs.delete(change);
      const oldPath = change.oldPath ?? change.path;
      const before = reads?.before ? decode(await reads.before, oldPath) : null;
      const after = reads?.after ? decode(await reads.after, change.path) : null;
      const entry = sidesFrom(change, before, after);
      sides.set(change, entry);
      return entry;
    };

    // Pair what git did not: a removed and an added file that record the same test (or request).
    const removed: GitChange[] = [];
    const added: GitChange[] = [];
    for (const change of changes) {
      if (change.status === "removed" && (await sidesOf(change)).before) removed.push(change);
      if (change.status === "added" && (await sidesOf(change)).after) added.push(change);
    }
    const pairedBy = new Map<GitChange, ReviewChange["pairedBy"]>();
    for (const change of changes) if (change.oldPath) pairedBy.set(change, "git");
    const pool: (PairCandidate & { change: GitChange })[] = removed.flatMap((change) => {
      const exchange = headExchange(sides.get(change)?.before);
      return exchange ? [{ path: change.path, exchange, change }] : [];
    });
    const consumed = new Set<GitChange>();
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
        const read = await readBase(source);
        change.status = "copied";
        change.oldPath = source;
        pairedBy.set(change, "request");
        entry.before = decode(read, source)?.side ?? null;
      }
    }

    // Credentials are masked in both sides before anything is compared; a change that adds one is a `secret`.
    const allowed = await allowList;
    // The lines of one side are mostly the other side's, and a review's files share most headers.
    const memo = new SecretlintMemo();
    const reviewed: ReviewChange[] = [];
    for (const change of changes) {
      if (consumed.has(change)) continue;
      const entry = await sidesOf(change);
      sides.delete(change);
      if (entry.foreign) continue;
      const secrets = await maskReviewSides(new Map([[change, entry]]), allowed, memo);
      reviewed.push(
        withSecrets(reviewChange(change, pairedBy.get(change) ?? null, entry), secrets.get(change)),
      );
      forgetParsedStreams();
    }
    const rank = (verdict: ReviewVerdict) => REVIEW_VERDICTS.indexOf(verdict);
    reviewed.sort(
      (a, b) => rank(a.verdict) - rank(b.verdict) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );

    return {
      base: options.base,
      head: options.head ?? "working tree",
      summary: countChanges(reviewed),
      groups: groupChanges(reviewed),
      changes: reviewed,
    };
  } finally {
    releaseStreams();
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
        // A file past the size limit is not read: it cannot be the source of a copy.
        const blob = await batch.readBlob(`${commit}:${path}`);
        if (blob.kind !== "blob") return;
        try {
          const key = requestIdentity(JSON.parse(blob.bytes.toString("utf8")));
          if (key !== null && !keys.has(key)) keys.set(key, path);
        } catch {
          // A broken base file cannot be the source of a copy.
        }
      }),
  );
  return keys;
}
