/**
 * How often `tapedeck match` ranks the original recording first when one field of its request is
 * changed at random: a body value, a body field added or removed, the test id, or the URL path.
 * Also counts the drift groups. Reads the corpus by path only.
 *
 *   npx tsx --tsconfig tsconfig.json scripts/match-ranking.ts [--samples N] [--seed S] <root>...
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CatalogEntry } from "@/lib/match/catalog-entry";
import { findDrift } from "@/lib/match/drift";
import type { GivenRequest } from "@/lib/match/given-request";
import { matchRequest } from "@/lib/match/match";
import { RequestCatalog } from "@/lib/match/request-catalog";
import { comparable, type RequestParts } from "@/lib/match/request-parts";
import { canonicalJson } from "@/lib/match/volatile-mask";

type Kind = "body value" | "body field added" | "body field removed" | "test id" | "URL path";

/** mulberry32: a small seeded generator, so a run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every leaf of a value, as a path of keys and indices. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value) && typeof head === "number")
    return value.map((item, i) => (i === head ? setAt(item, rest, leaf) : item));
  if (isRecord(value) && typeof head === "string")
    return { ...value, [head]: setAt(value[head], rest, leaf) };
  return value;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let at = value;
  for (const segment of path) {
    if (Array.isArray(at) && typeof segment === "number") at = at[segment];
    else if (isRecord(at) && typeof segment === "string") at = at[segment];
    else return undefined;
  }
  return at;
}

function changedLeaf(value: unknown, next: () => number): unknown {
  if (typeof value === "string") {
    const words = value.split(" ");
    const at = Math.floor(next() * words.length);
    words[at] = `${words[at] ?? ""}x`;
    return words.join(" ");
  }
  if (typeof value === "number")
    return Number.isInteger(value) ? value + 1 : Math.round((value + 0.25) * 100) / 100;
  if (typeof value === "boolean") return !value;
  return "changed";
}

/** The request with one field changed, or null when this kind does not apply to it. */
function mutate(
  entry: CatalogEntry,
  kind: Kind,
  next: () => number,
): { parts: RequestParts; test: string | null; what: string } | null {
  const { parts, test } = entry;
  const body = parts.body;
  switch (kind) {
    case "body value": {
      const all = leaves(body).filter((path) => path.length > 0);
      const path = all[Math.floor(next() * all.length)];
      if (!path) return null;
      return {
        parts: { ...parts, body: setAt(body, path, changedLeaf(getAt(body, path), next)) },
        test,
        what: path.join("."),
      };
    }
    case "body field added":
      if (!isRecord(body)) return null;
      return {
        parts: { ...parts, body: { ...body, metadata_tag: `run-${Math.floor(next() * 1000)}` } },
        test,
        what: "metadata_tag",
      };
    case "body field removed": {
      if (!isRecord(body)) return null;
      const keys = Object.keys(body).filter((key) => key !== "model");
      const key = keys[Math.floor(next() * keys.length)];
      if (key === undefined) return null;
      const rest = Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
      return { parts: { ...parts, body: rest }, test, what: key };
    }
    case "test id": {
      if (test === null) return null;
      // A renamed test function: `test_x` → `test_x_renamed`, parametrization kept.
      return { parts, test: test.replace(/(::\w+)(\[|$)/, "$1_renamed$2"), what: "test_id" };
    }
    case "URL path": {
      if (parts.url === null || parts.endpoint === null) return null;
      const endpoint = parts.endpoint.replace(/^\/v1\//, "/v1/openai/v1/").replace(/^\/(?!v1\/)/, "/v2/");
      return {
        parts: { ...parts, endpoint, url: parts.url.replace(parts.endpoint, endpoint) },
        test,
        what: endpoint,
      };
    }
  }
}

const KINDS: [Kind, number][] = [
  ["body value", 0.5],
  ["body field added", 0.125],
  ["body field removed", 0.125],
  ["test id", 0.125],
  ["URL path", 0.125],
];

function pickKind(next: () => number): Kind {
  let roll = next();
  for (const [kind, weight] of KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "body value";
}

interface Tally {
  tried: number;
  first: number;
  twin: number;
}

async function measure(root: string, samples: number, seed: number): Promise<void> {
  const opened = performance.now();
  const catalog = await RequestCatalog.openDirectory(root);
  const entries = catalog.entries();
  console.log(
    `\n${root}: ${entries.length} requests in ${catalog.fileCount} files (catalog ${Math.round(performance.now() - opened)} ms)`,
  );
  // Requests recorded more than once (the same call twice in a cassette): either copy is a right answer.
  const key = (e: CatalogEntry) =>
    `${e.test ?? ""}\u0000${canonicalJson(comparable(e.parts.shape, e.parts))}`;
  const twins = new Map<string, number>();
  for (const entry of entries) twins.set(key(entry), (twins.get(key(entry)) ?? 0) + 1);

  const next = random(seed);
  const tallies = new Map<Kind, Tally>(KINDS.map(([kind]) => [kind, { tried: 0, first: 0, twin: 0 }]));
  const misses: string[] = [];
  let spent = 0;
  let done = 0;
  for (let attempt = 0; done < samples && attempt < samples * 5; attempt++) {
    // One draw per attempt, whatever happens, so that a seed gives the same run.
    const original = entries[Math.floor(next() * entries.length)];
    if (!original) continue;
    const kind = pickKind(next);
    const changed = mutate(original, kind, next);
    if (!changed) continue;
    const given: GivenRequest = {
      parts: changed.parts,
      test: changed.test,
      hashable: null,
      bodyKnown: true,
      errorHash: null,
      failure: null,
    };
    const started = performance.now();
    const answer = await matchRequest(entries, given, { limit: 3 });
    spent += performance.now() - started;
    done++;
    const tally = tallies.get(kind);
    if (!tally) continue;
    tally.tried++;
    const best = answer.candidates[0]?.entry;
    if (best === original) tally.first++;
    else if (best && key(best) === key(original)) tally.twin++;
    else if (misses.length < 8)
      misses.push(
        `${kind} (${changed.what}): ${original.path}${original.interaction === null ? "" : `#${original.interaction}`} → ${best?.path ?? "none"}`,
      );
  }
  let tried = 0;
  let first = 0;
  let twin = 0;
  for (const [kind, tally] of tallies) {
    tried += tally.tried;
    first += tally.first;
    twin += tally.twin;
    const pct = tally.tried === 0 ? "-" : `${((100 * tally.first) / tally.tried).toFixed(1)}%`;
    console.log(
      `  ${kind.padEnd(20)} ${String(tally.first).padStart(4)} / ${String(tally.tried).padStart(4)} first (${pct})${tally.twin ? `, ${tally.twin} an identical copy` : ""}`,
    );
  }
  console.log(
    `  ${"all".padEnd(20)} ${String(first).padStart(4)} / ${String(tried).padStart(4)} first (${((100 * first) / tried).toFixed(1)}%); with identical copies ${((100 * (first + twin)) / tried).toFixed(1)}%`,
  );
  console.log(`  ${(spent / Math.max(1, done)).toFixed(1)} ms a match on average`);
  for (const miss of misses) console.log(`    missed: ${miss}`);
  const drift = findDrift(entries);
  console.log(
    `  drift groups: ${drift.length} (${drift.reduce((n, g) => n + g.paths.length, 0)} recordings)`,
  );
}

const { values, positionals } = parseArgs({
  options: { samples: { type: "string", default: "300" }, seed: { type: "string", default: "11" } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error("usage: scripts/match-ranking.ts [--samples N] [--seed S] <root>...");
  process.exitCode = 2;
} else {
  for (const root of positionals) await measure(root, Number(values.samples), Number(values.seed));
}
