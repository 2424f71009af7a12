import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CatalogEntry } from "./catalog-entry";

/** Recordings of a test whose function (or whose test file) no longer exists in the checkout. */
export interface Orphan {
  test: string;
  /** `file` when the test file is gone, `function` when the file no longer defines the test. */
  missing: "file" | "function";
  paths: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `tests/a/test_x.py::TestY::test_z[p]` → its file, class and function; null for other ids. */
function pytestParts(id: string): { file: string; className: string | null; fn: string } | null {
  const bracket = id.indexOf("[");
  const parts = (bracket === -1 ? id : id.slice(0, bracket)).split("::");
  const file = parts[0];
  const fn = parts[parts.length - 1];
  if (parts.length < 2 || !file?.endsWith(".py") || !fn || !/^\w+$/.test(fn)) return null;
  return { file, className: parts.length > 2 ? (parts[parts.length - 2] ?? null) : null, fn };
}

/**
 * Where the checkout that holds a recording keeps its test files: the nearest folder above the
 * recording (up to the filesystem root) in which the test file's folder exists. Null when none
 * has it, or when that folder holds no Python file at all (only recordings were copied: the
 * sources are absent, and nothing can be said).
 */
function testsFolder(recording: string, testFile: string, seen: Map<string, string | null>): string | null {
  const folder = dirname(testFile);
  for (let dir = dirname(recording); ; dir = dirname(dir)) {
    const key = `${dir}\u0000${folder}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    // A path of the checkout, known only at run time: not a file for the build to trace.
    const candidate = join(/* turbopackIgnore: true */ dir, folder);
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) {
      const hasPython = readdirSync(candidate).some((name) => name.endsWith(".py"));
      const found = hasPython ? dir : null;
      seen.set(key, found);
      return found;
    }
    if (dirname(dir) === dir) {
      seen.set(key, null);
      return null;
    }
  }
}

/**
 * The recordings under `root` whose pytest test no longer exists, where the checkout's test
 * sources are present (`checked` counts the test functions whose sources were found). A test is looked for as `def <function>` in its file (and its class as
 * `class <Class>`), so a renamed or deleted test shows; parametrizations are not checked.
 */
export function findOrphans(
  root: string,
  entries: readonly CatalogEntry[],
): { orphans: Orphan[]; checked: number } {
  const byTest = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.test === null) continue;
    const paths = byTest.get(entry.test) ?? new Set<string>();
    paths.add(entry.path);
    byTest.set(entry.test, paths);
  }
  const folders = new Map<string, string | null>();
  const sources = new Map<string, string | null>();
  const verdicts = new Map<string, "file" | "function" | null>();
  const out: Orphan[] = [];
  let checked = 0;
  for (const [test, paths] of byTest) {
    const parts = pytestParts(test);
    const first = [...paths][0];
    if (!parts || first === undefined) continue;
    const base = `${parts.file}::${parts.className ?? ""}::${parts.fn}`;
    let verdict = verdicts.get(base);
    if (verdict === undefined) {
      verdict = null;
      const checkout = testsFolder(join(root, first), parts.file, folders);
      if (checkout !== null) {
        checked++;
        const file = join(/* turbopackIgnore: true */ checkout, parts.file);
        let source = sources.get(file);
        if (source === undefined) {
          source = existsSync(file) ? readFileSync(file, "utf8") : null;
          sources.set(file, source);
        }
        if (source === null) verdict = "file";
        else {
          const hasFunction = new RegExp(`^\\s*(?:async\\s+)?def\\s+${escape(parts.fn)}\\s*\\(`, "m").test(
            source,
          );
          const hasClass =
            parts.className === null ||
            new RegExp(`^\\s*class\\s+${escape(parts.className)}\\b`, "m").test(source);
          if (!hasFunction || !hasClass) verdict = "function";
        }
      }
      verdicts.set(base, verdict);
    }
    if (verdict !== null) out.push({ test, missing: verdict, paths: [...paths].sort() });
  }
  out.sort((a, b) => (a.test < b.test ? -1 : a.test > b.test ? 1 : 0));
  return { orphans: out, checked };
}
