import { rawDiff } from "@/lib/diff/raw-diff";
import type { CatalogEntry } from "./catalog-entry";
import { nameCarries } from "@/lib/recording/recorder-hash";
import { comparable } from "./request-parts";
import { canonicalJson, maskVolatile } from "./volatile-mask";

/**
 * Recordings of one test whose requests are equal once volatile ids are masked: the request
 * embeds something that changes on every run, so at most one of them can ever replay and the
 * next run misses again.
 */
export interface DriftGroup {
  test: string;
  /** The files, sorted. */
  paths: string[];
  /** The request fields that differ between them (`body.messages[2].tool_calls[0].id`). */
  fields: string[];
}

/** A recording whose file name no longer carries the hash of its request. */
export interface StaleName {
  path: string;
  nameHash: string;
  /** The hash today's recorder computes for its content. */
  contentHash: string | null;
}

/** Fields of `a` and `b` that differ (paths under the request). */
function differingFields(a: CatalogEntry, b: CatalogEntry): string[] {
  const diff = rawDiff(
    { request: comparable(a.parts.shape, a.parts) },
    { request: comparable(b.parts.shape, b.parts) },
  );
  return [...diff.request, ...diff.noise].map((change) => change.path.replace(/^request\.?/, ""));
}

/** The drift groups among llama-stack recordings (a cassette holds one file a test). */
export function findDrift(entries: readonly CatalogEntry[]): DriftGroup[] {
  const groups = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    if (entry.format !== "llama-stack" || entry.test === null) continue;
    const key = `${entry.test}\u0000${canonicalJson(maskVolatile(comparable(entry.parts.shape, entry.parts)))}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const out: DriftGroup[] = [];
  for (const members of groups.values()) {
    const [first, ...rest] = members;
    if (!first || rest.length === 0) continue;
    const fields = new Set<string>();
    for (const other of rest) for (const field of differingFields(first, other)) fields.add(field);
    // Equal requests under two names are duplicates (a moved file), not drift.
    if (fields.size === 0) continue;
    out.push({
      test: first.test ?? "",
      paths: members.map((m) => m.path).sort(),
      fields: [...fields].sort(),
    });
  }
  return out.sort(
    (a, b) =>
      (a.test < b.test ? -1 : a.test > b.test ? 1 : 0) || (a.paths[0] ?? "").localeCompare(b.paths[0] ?? ""),
  );
}

/** llama-stack recordings whose name is not the hash of their content under any recorder's rule. */
export function findStaleNames(entries: readonly CatalogEntry[]): StaleName[] {
  return entries.flatMap((entry) =>
    entry.format === "llama-stack" &&
    entry.nameHash !== null &&
    entry.contentHashes.length > 0 &&
    !nameCarries(entry.nameHash, entry.contentHashes)
      ? [{ path: entry.path, nameHash: entry.nameHash, contentHash: entry.contentHashes[0] ?? null }]
      : [],
  );
}
