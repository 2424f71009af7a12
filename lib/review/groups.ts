import type { Change } from "@/lib/diff/change";
import type { ReviewChange, ReviewGroup } from "./review-types";

/** JSON of `value` cut after about `max` characters, without writing the rest (a cassette's whole body may be a value). */
function shortJson(value: unknown, max: number): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "∅";
  let out = Array.isArray(value) ? "[" : "{";
  for (const [key, item] of Object.entries(value)) {
    if (out.length > max) return `${out}…`;
    out += `${out.length > 1 ? "," : ""}${Array.isArray(value) ? "" : `${JSON.stringify(key)}:`}${shortJson(item, max - out.length)}`;
  }
  return `${out}${Array.isArray(value) ? "]" : "}"}`;
}

function brief(value: unknown): string {
  const text =
    value === undefined ? "∅" : typeof value === "string" ? value.slice(0, 200) : shortJson(value, 80);
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "." : path.slice(0, slash);
}

function changeFact(prefix: string, change: Change): string {
  if (change.kind === "added") return `${prefix}${change.path} added: ${brief(change.after)}`;
  if (change.kind === "removed") return `${prefix}${change.path} removed`;
  return `${prefix}${change.path}: ${brief(change.before)} → ${brief(change.after)}`;
}

/** The kind of noise a rule names, for grouping cassettes whose noise differs only in detail. */
function noiseKind(rule: string | undefined): string {
  if (rule === undefined) return "other fields";
  if (/header|date|cookie|rate-limit|proxy|transport|content-length|credentials|server-timing/.test(rule)) {
    return "headers";
  }
  if (/id$|-id-|number/.test(rule)) return "ids";
  if (/timestamp|duration|recorded-at|timings/.test(rule)) return "times";
  return "other fields";
}

/** `only headers, ids and times`: a cassette's noise by kind. */
function noiseKinds(noise: readonly Change[]): string {
  const order = ["headers", "ids", "times", "other fields"];
  // A cassette may have tens of thousands of noise fields, under a handful of rules.
  const rules = new Set(noise.map((change) => change.rule));
  const found = new Set([...rules].map(noiseKind));
  const kinds = order.filter((kind) => found.has(kind));
  if (kinds.length === 0) return "only noise";
  const last = kinds.pop();
  return `only ${kinds.length > 0 ? `${kinds.join(", ")} and ${last}` : last}`;
}

/** What one change did, as facts that other changes may share, but for its fields' (see `fieldLists`). */
function fixedFacts(change: ReviewChange): string[] {
  const out: string[] = [];
  if (change.oldPath !== null && dirOf(change.oldPath) !== dirOf(change.path)) {
    out.push(
      `${change.status === "copied" ? "copied" : "moved"} from ${dirOf(change.oldPath)} to ${dirOf(change.path)}`,
    );
  }
  switch (change.verdict) {
    case "added":
      out.push(`new recordings in ${dirOf(change.path)}`);
      break;
    case "removed":
      out.push(`removed from ${dirOf(change.path)}`);
      break;
    case "identical":
      out.push("identical content");
      break;
    case "noise": {
      if (change.interactions !== null) {
        out.push(noiseKinds(change.noise));
        break;
      }
      const keys = [
        ...new Set(
          change.noise.map(
            (c) =>
              c.path
                .replace(/\[\d+\]/g, "")
                .split(".")
                .pop() ?? c.path,
          ),
        ),
      ].sort();
      out.push(keys.length === 0 ? "only noise" : `only ${keys.join(", ")}`);
      break;
    }
    default: {
      if (change.response.some((c) => /^choices\[\d+\]\.content$/.test(c.path)))
        out.push("reply text changed");
      if (change.response.some((c) => c.path.includes(".tool_calls"))) out.push("tool calls changed");
    }
  }
  return out;
}

/** The field changes whose facts a change has, by the prefix of their facts. */
function fieldLists(change: ReviewChange): (readonly [string, readonly Change[]])[] {
  if (["added", "removed", "identical", "noise"].includes(change.verdict)) return [];
  return [
    ["", change.request],
    ["response: ", change.response],
  ];
}

/** A path that could run on into the `: ` or ` added` after it: the shortcut of `sharedFields` does not hold. */
const UNUSUAL_PATH = /[: ]/;

/**
 * Which field changes can share their fact with another change, so only theirs are written (a
 * re-recorded cassette of log-probabilities has tens of thousands of field changes, each its own).
 * A field change's fact is its prefix and path, then `: `, ` added: ` or ` removed`; when no path
 * holds `:` or a space, two equal facts have equal prefixes and paths, so a fact whose path no
 * other change has (under that prefix), and that no fixed fact starts with, cannot be shared.
 * Otherwise every fact is written.
 */
function sharedFields(
  changes: readonly ReviewChange[],
  fixed: ReadonlyMap<ReviewChange, readonly string[]>,
): (prefix: string, change: Change) => boolean {
  /** Prefix → path → the one change that has it, or null when several do. */
  const owners = new Map<string, Map<string, ReviewChange | null>>();
  for (const change of changes) {
    for (const [prefix, list] of fieldLists(change)) {
      let byPath = owners.get(prefix);
      if (!byPath) owners.set(prefix, (byPath = new Map()));
      for (const c of list) {
        if (UNUSUAL_PATH.test(c.path)) return () => true;
        const owner = byPath.get(c.path);
        if (owner === undefined) byPath.set(c.path, change);
        else if (owner !== change) byPath.set(c.path, null);
      }
    }
  }
  // A fixed fact (a few per change) that starts with a prefix and a path starts, after the prefix,
  // with a word the path begins (a path holds neither a space nor a colon): every start of those
  // words, the empty one included.
  const starts = new Map<string, Set<string>>();
  for (const [prefix] of owners) {
    const set = new Set<string>();
    for (const facts of fixed.values()) {
      for (const fact of facts) {
        if (!fact.startsWith(prefix)) continue;
        const word = /^[^: ]*/.exec(fact.slice(prefix.length))?.[0] ?? "";
        for (let end = 0; end <= word.length; end++) set.add(word.slice(0, end));
      }
    }
    starts.set(prefix, set);
  }
  return (prefix, c) =>
    owners.get(prefix)?.get(c.path) === null || (starts.get(prefix)?.has(c.path) ?? false);
}

/**
 * Groups changes that are the same change repeated: every fact (a field and its old and new
 * values, a move between folders, a noise-only pattern) shared by two or more changes, largest
 * first; facts that cover exactly the same changes are shown once.
 */
export function groupChanges(changes: readonly ReviewChange[], limit = 25): ReviewGroup[] {
  const fixed = new Map(changes.map((change) => [change, fixedFacts(change)] as const));
  const needed = sharedFields(changes, fixed);
  const byFact = new Map<string, string[]>();
  for (const change of changes) {
    const facts = [...(fixed.get(change) ?? [])];
    for (const [prefix, list] of fieldLists(change)) {
      for (const c of list) if (needed(prefix, c)) facts.push(changeFact(prefix, c));
    }
    for (const fact of new Set(facts)) {
      const paths = byFact.get(fact) ?? [];
      paths.push(change.path);
      byFact.set(fact, paths);
    }
  }
  const seen = new Set<string>();
  const groups: ReviewGroup[] = [];
  const sorted = [...byFact.entries()]
    .filter(([, paths]) => paths.length >= 2)
    .sort(([a, x], [b, y]) => y.length - x.length || a.length - b.length || a.localeCompare(b));
  for (const [title, paths] of sorted) {
    const members = paths.join("\n");
    if (seen.has(members)) continue;
    seen.add(members);
    groups.push({ title, count: paths.length, paths });
    if (groups.length >= limit) break;
  }
  return groups;
}
