import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadYaml } from "@/lib/containers/yaml";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { decodeText } from "@/lib/recording/decode";
import { formatPath, type Change, type PathSegment } from "./change";
import { compareFiles, type FileComparison, type SideFile } from "./compare-files";

/**
 * The every-change rule, as a property: edit random leaves of a real recording of each family
 * (llama-stack files and cassettes), compare it with the original, and every edited leaf must be
 * reported — under `request`, `response` (raw fields included) or `noise` (with a rule), at its own
 * path or at a parent that was added or removed whole — or its interaction must be paired as added
 * or removed.
 */

const FIXTURES = new URL("../providers/fixtures/", import.meta.url);

/** Every recording fixture of every family, by `<family>/<file>`. */
const files = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(new URL(`${dir.name}/`, FIXTURES))
      .filter((name) => /\.(json|ya?ml|har)$/.test(name))
      .map((name) => `${dir.name}/${name}`),
  );

type Json = unknown;

interface Leaf {
  /** Where the leaf is in the parsed file. */
  path: PathSegment[];
  /** Where the diff reports it, from the top of its interaction (cassettes) or of the file. */
  reported: PathSegment[];
  /** The interaction it belongs to (cassettes), else 0. */
  interaction: number;
  /** For a leaf inside a JSON body kept as a string: the string's path and the path inside it. */
  inBody: { at: PathSegment[]; inner: PathSegment[] } | null;
  value: string | number | boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function parseJsonObject(text: string): Json | null {
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}

const BODY_KEYS = new Set(["body", "string", "text", "base64_string"]);

function walk(
  value: Json,
  path: PathSegment[],
  reported: PathSegment[],
  interaction: number,
  out: Leaf[],
  inBody: Leaf["inBody"],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], [...reported, i], interaction, out, inBody));
    return;
  }
  if (isRecord(value)) {
    if ("$binary" in value) return;
    for (const [key, item] of Object.entries(value)) {
      const nextReported = [...reported, key];
      // Cassette headers are compared by lower-case name.
      if (inBody === null && reported.length === 2 && reported[1] === "headers")
        nextReported[2] = key.toLowerCase();
      walk(item, [...path, key], nextReported, interaction, out, inBody);
    }
    return;
  }
  if (typeof value === "string" && inBody === null && BODY_KEYS.has(String(path[path.length - 1]))) {
    const parsed = parseJsonObject(value);
    if (parsed === null) return; // a stream or a text body: edited as a whole it is reported as one
    const body: Leaf[] = [];
    walk(parsed, [], [], interaction, body, { at: path, inner: [] });
    for (const leaf of body) {
      out.push({
        ...leaf,
        path,
        reported: [...reported, ...leaf.path],
        inBody: { at: path, inner: leaf.path },
      });
    }
    return;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    out.push({ path, reported, interaction, inBody, value });
  }
}

interface Parsed {
  format: "json" | "yaml";
  doc: Json;
  leaves: Leaf[];
  cassette: boolean;
}

function parse(name: string, text: string): Parsed | null {
  const yaml = /\.ya?ml$/.test(name);
  const doc: unknown = yaml ? loadYaml(text, DEFAULT_LIMITS) : JSON.parse(text);
  const leaves: Leaf[] = [];
  if (!isRecord(doc)) return null;
  const list = Array.isArray(doc.interactions)
    ? { key: ["interactions"], items: doc.interactions }
    : Array.isArray(doc.http_interactions)
      ? { key: ["http_interactions"], items: doc.http_interactions }
      : isRecord(doc.log) && Array.isArray(doc.log.entries)
        ? { key: ["log", "entries"], items: doc.log.entries }
        : null;
  if (list) {
    list.items.forEach((item: unknown, i: number) => {
      // HAR headers are lists of {name, value}: their positions are not what the diff reports.
      if (name.endsWith(".har") && isRecord(item)) {
        const found: Leaf[] = [];
        walk(item, [...list.key, i], [], i, found, null);
        leaves.push(...found.filter((leaf) => leaf.reported[1] !== "headers"));
      } else {
        walk(item, [...list.key, i], [], i, leaves, null);
      }
    });
    return { format: yaml ? "yaml" : "json", doc, leaves, cassette: true };
  }
  walk(doc, [], [], 0, leaves, null);
  return { format: yaml ? "yaml" : "json", doc, leaves, cassette: false };
}

function child(node: unknown, segment: PathSegment): unknown {
  return typeof node === "object" && node !== null ? Reflect.get(node, segment) : undefined;
}

function getAt(doc: Json, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(child, doc);
}

function setAt(doc: Json, path: readonly PathSegment[], value: unknown): void {
  const parent = getAt(doc, path.slice(0, -1));
  if (typeof parent === "object" && parent !== null) Reflect.set(parent, path[path.length - 1] ?? "", value);
}

function edited(value: string | number | boolean, salt: number): string | number | boolean {
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") return value + salt + 1;
  return `${value}~${salt}`;
}

function side(name: string, text: string): SideFile | null {
  const decoded = decodeText(text, name);
  return decoded.ok ? { text, file: decoded.file, raw: decoded.raw } : null;
}

function covers(change: Change, path: string): boolean {
  if (change.rule === "body-encoding") return false;
  return change.path === path || path.startsWith(`${change.path}.`) || path.startsWith(`${change.path}[`);
}

/** Whether the comparison reports the edited leaf. */
function reported(comparison: FileComparison, leaf: Leaf, cassette: boolean): boolean {
  const pairs = cassette ? comparison.pairs.filter((pair) => pair.b === leaf.interaction) : comparison.pairs;
  if (pairs.length === 0) return false;
  return pairs.some((pair) => {
    if (pair.b === null || pair.a === null) return true;
    const details = pair.comparison;
    if (!details) return false;
    const path = formatPath(leaf.reported);
    return [...details.request, ...details.rawResponse, ...details.noise].some((change) =>
      covers(change, path),
    );
  });
}

describe("every change is reported (property)", () => {
  it("covers every family of the provider fixtures", () => {
    const families = new Set(files.map((file) => file.split("/")[0]));
    expect([...families].sort()).toEqual([
      "anthropic-messages",
      "bedrock",
      "cohere-chat",
      "exception",
      "file-processor",
      "gemini",
      "generic",
      "ollama",
      "openai",
      "openai-responses",
      "raw-http",
      "tool-invocation",
    ]);
  });

  it.each(files)("%s: every edited leaf is reported", (name) => {
    const text = readFileSync(new URL(name, FIXTURES), "utf8");
    const original = side(name, text);
    const parsed = parse(name, text);
    if (!original || !parsed || parsed.leaves.length === 0) return;
    let checked = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: parsed.leaves.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 1000 }),
        (picks, salt) => {
          const doc: unknown = structuredClone(parsed.doc);
          const leaves = picks.flatMap((pick) => (parsed.leaves[pick] ? [parsed.leaves[pick]] : []));
          for (const leaf of leaves) {
            if (leaf.inBody) {
              const body = parseJsonObject(String(getAt(doc, leaf.inBody.at)));
              setAt(body, leaf.inBody.inner, edited(leaf.value, salt));
              setAt(doc, leaf.inBody.at, JSON.stringify(body));
            } else {
              setAt(doc, leaf.path, edited(leaf.value, salt));
            }
          }
          const after = parsed.format === "yaml" ? dump(doc) : JSON.stringify(doc, null, 2);
          const changed = side(name, after);
          if (!changed) return; // an edit that breaks the file is not a comparison
          const comparison = compareFiles(original, changed);
          checked++;
          for (const leaf of leaves) {
            if (!reported(comparison, leaf, parsed.cassette)) {
              throw new Error(
                `${formatPath(leaf.reported)} (interaction ${leaf.interaction}) changed and is reported nowhere: ${JSON.stringify(comparison.pairs.map((pair) => [pair.a, pair.b, pair.verdict, pair.summary, pair.comparison?.request.map((c) => c.path)]))}`,
              );
            }
          }
          expect(comparison.verdict).not.toBe("identical");
        },
      ),
      { numRuns: 40, seed: 10 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
