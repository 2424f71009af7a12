import { abbreviate, type CatalogEntry } from "./catalog-entry";
import type { GivenRequest } from "./given-request";
import { nameCarries, requestHashes } from "@/lib/recording/recorder-hash";
import { hashesTestId, requestDifferences, type Difference } from "./request-diff";
import { comparable, type RequestParts, type RequestShape } from "./request-parts";
import { requestFeatures, similarity, type Features } from "./similarity";

/** One recording the given request could have replayed from, with how far it is. */
export interface Candidate {
  entry: CatalogEntry;
  /** 0 to 1, best first: the tier (test, then endpoint and model), then request similarity. */
  score: number;
  /** Same test (3), same test function (2), same test file (1), or none (0). */
  testLevel: number;
  similarity: number;
  /**
   * llama-stack: whether the file name carries the given request's hash (with the given test
   * id, or this recording's when the request names none); null for cassettes.
   */
  hashMatches: boolean | null;
  differences: Difference[];
  /** Equal once the recorder's normalization is applied (and nothing is unknown). */
  exact: boolean;
}

export interface MatchAnswer {
  given: GivenRequest;
  /** llama-stack: the hash the recorder computes (or, from an error, computed) for the request. */
  requestHash: string | null;
  candidates: Candidate[];
  /** Some candidate is an exact match. */
  exact: boolean;
  /** What a reader should know to read the answer. */
  notes: string[];
}

export interface MatchOptions {
  /** How many candidates to return (default 5). */
  limit?: number;
  /** Reads an entry's long strings back whole, to diff them (the catalog keeps digests). */
  whole?: (entry: CatalogEntry) => Promise<CatalogEntry>;
}

/** The test id without its parametrization, and its file. */
function testParts(id: string): { base: string; file: string } {
  const bracket = id.indexOf("[");
  const base = bracket === -1 ? id : id.slice(0, bracket);
  return { base, file: base.split("::")[0] ?? base };
}

/** How close two tests are: 3 the same, 2 the same function, 1 the same file, 0 unrelated. */
export function testLevel(given: string | null, recorded: string | null): number {
  if (given === null || recorded === null) return 0;
  // A log may name a test by its last part only (`test_x[a]`, from a section header).
  const same = (a: string, b: string) => a === b || a.endsWith(`::${b}`) || b.endsWith(`::${a}`);
  if (same(given, recorded)) return 3;
  const a = testParts(given);
  const b = testParts(recorded);
  if (same(a.base, b.base)) return 2;
  if (a.file.includes("/") && a.file === b.file) return 1;
  return 0;
}

/**
 * How alike two test ids read, 0 to 1 (shared start and end): among requests equal but for their
 * test, the test renamed from the given one (`test_x[p]` → `test_x_v2[p]`) beats a sibling
 * parametrization.
 */
export function testAffinity(given: string | null, recorded: string | null): number {
  if (given === null || recorded === null) return 0;
  const length = Math.min(given.length, recorded.length);
  let start = 0;
  while (start < length && given[start] === recorded[start]) start++;
  let end = 0;
  while (end < length - start && given[given.length - 1 - end] === recorded[recorded.length - 1 - end]) end++;
  return (start + end) / Math.max(given.length, recorded.length);
}

const HTTP_SHAPES: readonly RequestShape[] = ["inference", "raw-http", "http"];

/** Whether the request goes where the recording's went: method and URL path, or the same tool. */
function sameEndpoint(given: RequestParts, recorded: RequestParts): boolean {
  if (recorded.shape === "tool" || given.shape === "tool") {
    return (
      given.shape === recorded.shape &&
      given.provider === recorded.provider &&
      given.toolName === recorded.toolName
    );
  }
  if (recorded.shape === "file" || given.shape === "file") {
    return (
      given.shape === recorded.shape && given.api === recorded.api && given.provider === recorded.provider
    );
  }
  return (
    HTTP_SHAPES.includes(given.shape) &&
    given.method !== null &&
    given.method === recorded.method &&
    given.endpoint !== null &&
    given.endpoint === recorded.endpoint
  );
}

const TIERS = 12;

/** Whether a tool call's kwargs and an HTTP body, say, are worth comparing: only like with like. */
function likeShapes(given: RequestParts, recorded: RequestParts): boolean {
  const special = (shape: RequestShape) => shape === "tool" || shape === "file";
  return given.shape === recorded.shape || (!special(given.shape) && !special(recorded.shape));
}

/** The tier of a recording for a request: same test first, then endpoint and model. */
function tierOf(given: GivenRequest, entry: CatalogEntry): { tier: number; level: number } {
  let level = testLevel(given.test, entry.test);
  const failure = given.failure;
  if (failure?.kind === "vcrpy") {
    // vcrpy names the cassette it looked in: its interactions are the test's.
    const cassette = failure.cassette.replace(/\\/g, "/");
    if (cassette === entry.path || cassette.endsWith(`/${entry.path}`)) level = 3;
  }
  const endpoint = sameEndpoint(given.parts, entry.parts) ? 2 : 0;
  const model = given.parts.model !== null && given.parts.model === entry.parts.model ? 1 : 0;
  return { tier: level * 3 + endpoint + model, level };
}

/** Features of the candidates, computed once per entry for the life of the catalog. */
const featureMemo = new WeakMap<CatalogEntry, Features>();

function entryFeatures(entry: CatalogEntry): Features {
  let features = featureMemo.get(entry);
  if (!features) {
    features = requestFeatures(comparable(entry.parts.shape, entry.parts));
    featureMemo.set(entry, features);
  }
  return features;
}

/**
 * Ranks the recordings for a request and explains the best few: each with the request diff in
 * the recording's terms, whether its file name carries the request's hash, and whether it is an
 * exact match (equal once the recorder's normalization is applied).
 */
export async function matchRequest(
  entries: readonly CatalogEntry[],
  given: GivenRequest,
  options: MatchOptions = {},
): Promise<MatchAnswer> {
  const limit = options.limit ?? 5;
  // Without the body (an error text) there is nothing to compare beyond the tier.
  const comparableShapes = (a: RequestParts, b: RequestParts) => given.bodyKnown && likeShapes(a, b);
  const givenBody = given.bodyKnown ? abbreviate(given.parts.body).value : undefined;
  const givenFeatures = new Map<RequestShape, Features>();
  const featuresAs = (shape: RequestShape) => {
    let features = givenFeatures.get(shape);
    if (!features) {
      const parts = { ...given.parts, body: givenBody };
      features = requestFeatures(
        given.bodyKnown ? comparable(shape, parts) : comparable(shape, { ...parts, body: {} }),
      );
      givenFeatures.set(shape, features);
    }
    return features;
  };

  // Tiers first: only the tiers that can hold the best few need the (costlier) similarity.
  const tiered = entries.map((entry) => ({ entry, ...tierOf(given, entry) }));
  tiered.sort((a, b) => b.tier - a.tier);
  const scored: { entry: CatalogEntry; tier: number; level: number; similarity: number; affinity: number }[] =
    [];
  for (let i = 0; i < tiered.length;) {
    const tier = tiered[i]?.tier;
    for (; i < tiered.length && tiered[i]?.tier === tier; i++) {
      const item = tiered[i];
      if (!item) continue;
      scored.push({
        ...item,
        similarity: comparableShapes(given.parts, item.entry.parts)
          ? similarity(featuresAs(item.entry.parts.shape), entryFeatures(item.entry))
          : 0,
        affinity: testAffinity(given.test, item.entry.test),
      });
    }
    if (scored.length >= limit) break;
  }
  scored.sort(
    (a, b) =>
      b.tier - a.tier ||
      b.similarity - a.similarity ||
      b.affinity - a.affinity ||
      (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0) ||
      (a.entry.interaction ?? 0) - (b.entry.interaction ?? 0),
  );

  // An error names the hash it looked for: a recording with that name is the one it wanted.
  const errorHash = given.errorHash;
  if (errorHash !== null) {
    const named = entries.filter((entry) => entry.nameHash !== null && errorHash.startsWith(entry.nameHash));
    for (const entry of named.reverse()) {
      const at = scored.findIndex((item) => item.entry === entry);
      const item =
        at === -1 ? { entry, ...tierOf(given, entry), similarity: 1, affinity: 1 } : scored.splice(at, 1)[0];
      if (item) scored.unshift(item);
    }
  }

  const hashesByTest = new Map<string | null, string[]>();
  const givenHashes = (test: string | null): string[] => {
    if (!given.hashable) return errorHash ? [errorHash] : [];
    let hashes = hashesByTest.get(test);
    if (!hashes) {
      const computed = requestHashes({ test_id: test, request: given.hashable });
      hashes = computed.variants;
      hashesByTest.set(test, hashes);
    }
    return hashes;
  };
  const requestHash =
    errorHash ??
    (given.hashable ? requestHashes({ test_id: given.test, request: given.hashable }).current : null);

  const candidates: Candidate[] = [];
  for (const item of scored.slice(0, limit)) {
    const entry = options.whole ? await options.whole(item.entry) : item.entry;
    const shape = entry.parts.shape;
    const llama = entry.format === "llama-stack";
    const differences = requestDifferences(shape, entry.parts, given.parts, {
      bodyKnown: given.bodyKnown,
      givenTest: given.test,
      candidateTest: entry.test,
      recorderNormalizes: llama,
      testMatters: llama ? hashesTestId(shape, entry.parts.endpoint) : true,
    });
    let hashMatches: boolean | null = null;
    // A request the error describes without its hash (a raw HTTP miss) cannot be checked by name.
    const hashable = given.hashable !== null || errorHash !== null;
    if (llama && entry.nameHash !== null && hashable) {
      hashMatches =
        errorHash !== null
          ? errorHash.startsWith(entry.nameHash)
          : nameCarries(entry.nameHash, givenHashes(given.test ?? entry.test));
    }
    const exact = differences.length === 0 && (given.bodyKnown || hashMatches === true);
    const score = exact ? 1 : Math.min(0.999, (item.tier + item.similarity * 0.999) / TIERS);
    candidates.push({
      entry,
      score: Math.round(score * 1000) / 1000,
      testLevel: item.level,
      similarity: item.similarity,
      hashMatches,
      differences,
      exact,
    });
  }
  return {
    given,
    requestHash,
    candidates,
    exact: candidates.some((c) => c.exact),
    notes: notesFor(given, candidates),
  };
}

function notesFor(given: GivenRequest, candidates: readonly Candidate[]): string[] {
  const notes: string[] = [];
  if (!given.bodyKnown) {
    notes.push(
      "The error does not carry the request body: differences cover the method, URL, model and test id only. Match the request itself (tapedeck match <request.json>) to see which body field moved.",
    );
  }
  if (given.test === null && given.bodyKnown) {
    notes.push(
      "The request names no test (give --test): each llama-stack recording's name is checked with its own test id.",
    );
  }
  const exact = candidates.find((c) => c.exact);
  if (exact && exact.hashMatches === false) {
    notes.push(
      `${exact.entry.path} holds this very request, but its file name does not carry the request's hash: the recorder looks the recording up by name and will not find it.`,
    );
  }
  if (given.errorHash !== null) {
    const named = candidates.find((c) => c.hashMatches === true);
    if (named) {
      notes.push(
        `A recording named for the hash in the error exists at ${named.entry.path}; the recorder looks in the test's own recordings folder and then in the shared one, so check that the file sits where it looks.`,
      );
    }
  }
  return notes;
}
