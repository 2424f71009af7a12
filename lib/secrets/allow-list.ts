import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { SecretFinding } from "./finding";

/** The allow-list file: one fingerprint a line; `#` starts a comment. */
export const ALLOW_FILE = ".tapedeck-secrets-allow";

/** The fingerprints in an allow-list's text (16 hex digits each; anything after them is a note). */
export function parseAllowList(text: string): Set<string> {
  const allowed = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([0-9a-f]{16})\b/i.exec(line.replace(/#.*/, ""));
    if (match?.[1]) allowed.add(match[1].toLowerCase());
  }
  return allowed;
}

/** The repository top above `dir` (the nearest folder with `.git`), or null outside one. */
async function repositoryTop(dir: string): Promise<string | null> {
  for (let at = resolve(dir); ;) {
    if (await stat(join(at, ".git")).catch(() => null)) return at;
    const up = dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/**
 * The fingerprints allowed for a scan of `root`: its own `.tapedeck-secrets-allow` and the one at
 * the top of its repository. A missing file allows nothing.
 */
export async function loadAllowList(root: string): Promise<Set<string>> {
  const top = await repositoryTop(root);
  const files = new Set([join(resolve(root), ALLOW_FILE), ...(top ? [join(top, ALLOW_FILE)] : [])]);
  const allowed = new Set<string>();
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => "");
    for (const fingerprint of parseAllowList(text)) allowed.add(fingerprint);
  }
  return allowed;
}

/** The findings the allow-list does not cover. */
export function notAllowed<T extends SecretFinding>(
  findings: readonly T[],
  allowed: ReadonlySet<string>,
): T[] {
  return allowed.size === 0 ? [...findings] : findings.filter((finding) => !allowed.has(finding.fingerprint));
}
