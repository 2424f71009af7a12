import { parsePythonLiteral } from "./python-literal";

/** One request vcrpy found close to the one it could not play, with the matchers it failed. */
export interface SimilarRequest {
  method: string | null;
  url: string | null;
  succeeded: string[];
  failed: { matcher: string; message: string }[];
}

interface FailureBase {
  /** The pytest node id (or the test's name) the failure belongs to, when the log says. */
  test: string | null;
  /** The error's first line, as logged. */
  message: string;
}

/** A replay miss, as the recorder's error describes it. */
export type ReplayFailure =
  /** llama-stack inference: `Recording not found for request hash: <hash>`, model, method and URL. */
  | (FailureBase & {
      kind: "llama-stack";
      hash: string;
      model: string | null;
      method: string | null;
      url: string | null;
    })
  /** llama-stack tool invocation: `Recording not found for <provider>.<tool> | Request: <kwargs>`. */
  | (FailureBase & { kind: "llama-stack-tool"; provider: string; toolName: string; kwargs: unknown })
  /** llama-stack raw HTTP (Messages passthrough, rerank): method and URL only. */
  | (FailureBase & { kind: "llama-stack-http"; method: string; url: string })
  /** vcrpy's CannotOverwriteExistingCassetteException. */
  | (FailureBase & {
      kind: "vcrpy";
      cassette: string;
      recordMode: string | null;
      method: string | null;
      url: string | null;
      similar: SimilarRequest[];
    });

// A line as pytest, a CI runner or a terminal wrote it: colours, the runner's timestamp, and
// pytest's `E   ` error marker come off.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const RUNNER_TIME = /^\d{4}-\d\d-\d\dT[\d:.]+Z ?/;
const PYTEST_MARK = /^E(?: +|$)/;

/**
 * vcrpy's message quoted on one line (an issue, a chat) is put back on its lines: the request,
 * "Found N similar requests", each request, and its matchers.
 */
function unflattenVcr(line: string): string[] {
  if (!line.includes("Can't overwrite existing cassette") || !line.includes(" No match for the request"))
    return [line];
  return line
    .replace(/ (No match for the request \()/, "\n$1")
    .replace(/ (Found \d+ similar requests)/, "\n$1")
    .replace(/ (No similar requests)/, "\n$1")
    .replace(/ (\d+ - \(<Request \()/g, "\n$1")
    .replace(/ (Matchers succeeded :)/g, "\n$1")
    .replace(/ (Matchers failed :)/g, "\n$1")
    .replace(/ (\w+ - assertion failure :)/g, "\n$1")
    .split("\n");
}

function cleanLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(ANSI, "").replace(RUNNER_TIME, "").replace(PYTEST_MARK, ""))
    .flatMap(unflattenVcr);
}

const SUMMARY = /^(?:FAILED|ERROR) (\S.*?)(?: - (.*))?$/;
const VERBOSE = /^(\S+::\S+) (?:FAILED|ERROR)\b/;
const SECTION = /^_{3,} (?:ERROR at (?:setup|teardown|call) of )?(.+?) _{3,}$/;

const LLAMA_HASH = /Recording not found for request hash: ([0-9a-f]{12,64})/;
const LLAMA_MODEL = /Model: (.*?) \| Request: ([A-Za-z]+) (\S+)/;
const LLAMA_TOOL = /Recording not found for ([\w-]+)\.([\w-]+) \| Request: (.*)$/;
const LLAMA_RERANK = /Recording not found for rerank request \| URL: (\S+)/;
const LLAMA_HTTPX = /Recording not found for httpx (?:stream )?([A-Z]+) (\S+)/;
const VCR_CASSETTE =
  /Can't overwrite existing cassette \((['"])(.*?)\1\) in your current record mode \((['"])(.*?)\3\)/;
const VCR_REQUEST = /No match for the request \(<Request \((\w+)\) (.*?)>\) was found/;
const VCR_SIMILAR = /^\s*(\d+) - \(<Request \((\w+)\) (.*?)>\)\.?\s*$/;
const VCR_SUCCEEDED = /^\s*Matchers succeeded : \[(.*)\]\s*$/;
const VCR_FAILED_MATCHER = /^\s*(\w+) - assertion failure :\s*(.*)$/;
const BLOCK_END =
  /^(?:FAILED|ERROR) |^_{3,}|^={3,}|^-{3,}|^\S+\.py:\d+:|^During handling|^Traceback|^The above exception/;

function names(list: string): string[] {
  return [...list.matchAll(/['"]([^'"]+)['"]/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** vcrpy's "similar requests" blocks from line `from` on; returns them and where they end. */
function readSimilar(lines: string[], from: number): SimilarRequest[] {
  const similar: SimilarRequest[] = [];
  let current: SimilarRequest | null = null;
  let matcher: { matcher: string; message: string } | null = null;
  for (let i = from; i < Math.min(lines.length, from + 400); i++) {
    const line = lines[i] ?? "";
    if (BLOCK_END.test(line) || LLAMA_HASH.test(line) || VCR_CASSETTE.test(line)) break;
    const start = VCR_SIMILAR.exec(line);
    if (start) {
      current = { method: start[2] ?? null, url: start[3] ?? null, succeeded: [], failed: [] };
      similar.push(current);
      matcher = null;
      continue;
    }
    if (!current) continue;
    const succeeded = VCR_SUCCEEDED.exec(line);
    if (succeeded) {
      current.succeeded = names(succeeded[1] ?? "");
      continue;
    }
    if (/^\s*Matchers failed :\s*$/.test(line)) continue;
    const failed = VCR_FAILED_MATCHER.exec(line);
    if (failed?.[1]) {
      matcher = { matcher: failed[1], message: failed[2]?.trim() ?? "" };
      current.failed.push(matcher);
      continue;
    }
    if (matcher && line.trim() !== "")
      matcher.message = matcher.message ? `${matcher.message}\n${line.trim()}` : line.trim();
  }
  return similar;
}

function keyOf(failure: ReplayFailure): string {
  switch (failure.kind) {
    case "llama-stack":
      return `hash:${failure.hash}`;
    case "llama-stack-tool":
      return `tool:${failure.provider}.${failure.toolName}:${failure.message}`;
    case "llama-stack-http":
      return `http:${failure.method} ${failure.url}`;
    case "vcrpy":
      // A test stops at its first miss: one cassette, one failure (the summary line lacks the request).
      return `vcr:${failure.cassette}`;
  }
}

/** Fills what `into` lacks from `from` (the same failure, logged again). */
function merge(into: ReplayFailure, from: ReplayFailure): void {
  // A full node id (from the summary line) beats a section's bare test name.
  if (into.test === null || (from.test?.includes("::") && !into.test.includes("::"))) into.test = from.test;
  if (into.kind === "llama-stack" && from.kind === "llama-stack") {
    into.model ??= from.model;
    into.method ??= from.method;
    into.url ??= from.url;
  }
  if (into.kind === "vcrpy" && from.kind === "vcrpy") {
    into.method ??= from.method;
    into.url ??= from.url;
    if (into.similar.length === 0) into.similar = from.similar;
  }
}

/** The failure that starts on line `i`, if any, reading on as its message continues. */
function failureAt(lines: string[], i: number): ReplayFailure | null {
  const line = lines[i] ?? "";
  const hash = LLAMA_HASH.exec(line);
  if (hash?.[1]) {
    const near = [line, ...lines.slice(i + 1, i + 4)].map((l) => LLAMA_MODEL.exec(l)).find((m) => m !== null);
    const model = near?.[1]?.trim();
    return {
      kind: "llama-stack",
      test: null,
      message: line.slice(hash.index).trim(),
      hash: hash[1],
      model: model && model !== "unknown" ? model : null,
      method: near?.[2]?.toUpperCase() ?? null,
      url: near?.[3] ?? null,
    };
  }
  const tool = LLAMA_TOOL.exec(line);
  if (tool?.[1] && tool[2]) {
    return {
      kind: "llama-stack-tool",
      test: null,
      message: line.slice(tool.index).trim(),
      provider: tool[1],
      toolName: tool[2],
      kwargs: parsePythonLiteral(tool[3]?.trim() ?? ""),
    };
  }
  const rerank = LLAMA_RERANK.exec(line);
  if (rerank?.[1]) {
    return {
      kind: "llama-stack-http",
      test: null,
      message: line.slice(rerank.index).trim(),
      method: "POST",
      url: rerank[1],
    };
  }
  const httpx = LLAMA_HTTPX.exec(line);
  if (httpx?.[1] && httpx[2]) {
    return {
      kind: "llama-stack-http",
      test: null,
      message: line.slice(httpx.index).trim(),
      method: httpx[1],
      url: httpx[2],
    };
  }
  const cassette = VCR_CASSETTE.exec(line);
  if (cassette?.[2] !== undefined) {
    const request = [line, ...lines.slice(i + 1, i + 3)]
      .map((l) => VCR_REQUEST.exec(l))
      .find((m) => m !== null);
    return {
      kind: "vcrpy",
      test: null,
      message: line.slice(cassette.index).trim(),
      cassette: cassette[2],
      recordMode: cassette[4] ?? null,
      method: request?.[1]?.toUpperCase() ?? null,
      url: request?.[2] ?? null,
      similar: readSimilar(lines, i + 1),
    };
  }
  return null;
}

/** Whether two names of a test (a node id, or its last part) can be the same test. */
function sameTest(a: string, b: string): boolean {
  return a === b || a.endsWith(`::${b}`) || b.endsWith(`::${a}`);
}

/** The full node id a section header's test name stands for, among the ids the log names. */
function resolveName(name: string, ids: readonly string[]): string {
  const asId = name.replace(/\./g, "::");
  const hits = ids.filter((id) => id === name || id.endsWith(`::${name}`) || id.endsWith(`::${asId}`));
  return hits.length === 1 && hits[0] ? hits[0] : name;
}

/**
 * The replay misses a test log reports: llama-stack's "Recording not found" errors and vcrpy's
 * CannotOverwriteExistingCassetteException, each with the test it belongs to (from pytest's
 * `FAILED <node id> - ...` summary line, else the `____ test ____` section it sits in). A
 * failure logged twice (traceback and summary) is reported once, in order of first appearance.
 */
export function parseFailures(text: string): ReplayFailure[] {
  const lines = cleanLines(text);
  const ids: string[] = [];
  for (const line of lines) {
    const id = SUMMARY.exec(line)?.[1] ?? VERBOSE.exec(line)?.[1];
    if (id && !ids.includes(id)) ids.push(id);
  }
  const found: ReplayFailure[] = [];
  let section: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const header = SECTION.exec(line);
    if (header?.[1]) section = resolveName(header[1], ids);
    const failure = failureAt(lines, i);
    if (!failure) continue;
    const summary = SUMMARY.exec(line);
    failure.test = summary?.[1] ?? section;
    const key = keyOf(failure);
    // The same failure again (traceback, then summary), unless two tests hit it.
    const known = found.find(
      (other) =>
        keyOf(other) === key &&
        (other.test === null || failure.test === null || sameTest(other.test, failure.test)),
    );
    if (known) merge(known, failure);
    else found.push(failure);
  }
  // A lone failure and a lone failed test belong together, whatever the log's layout.
  const all = found;
  if (all.length === 1 && all[0] && all[0].test === null && ids.length === 1) all[0].test = ids[0] ?? null;
  return all;
}
