import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The cassette folders of the shared corpus: one per project under `corpus/cassettes/`, and one
 * per project of `cassettes-large.tar.gz`, extracted once into a temporary folder.
 */

export interface CassetteFolder {
  /** `genai`, or `large/genai` for the tarball's part. */
  label: string;
  dir: string;
  /** Candidate files the corpus README counts for the folder (recordings plus skipped empty files). */
  candidates: number;
}

/** Files per project, from `corpus/README.md` (under `cassettes/`, in the tarball). */
const PROJECTS: readonly { name: string; plain: number; large: number }[] = [
  { name: "genai", plain: 3212, large: 46 },
  { name: "langchain", plain: 11, large: 0 },
  { name: "langchaingo", plain: 146, large: 2 },
  { name: "openllmetry-js", plain: 111, large: 0 },
  { name: "pydantic-ai", plain: 1297, large: 60 },
  { name: "ruby_llm", plain: 639, large: 53 },
];

let extracted: string | null = null;

/** The tarball's content in a temporary folder, removed when the process exits. */
function largeRoot(shared: string): string {
  if (extracted) return extracted;
  const dir = mkdtempSync(join(tmpdir(), "tapedeck-cassettes-large-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  execFileSync("tar", ["-xzf", join(shared, "corpus", "cassettes-large.tar.gz"), "-C", dir]);
  extracted = dir;
  return dir;
}

export function cassetteFolders(shared: string): CassetteFolder[] {
  const plain = PROJECTS.map(({ name, plain: candidates }) => ({
    label: name,
    dir: join(shared, "corpus", "cassettes", name),
    candidates,
  }));
  const root = largeRoot(shared);
  const large = PROJECTS.filter(({ large: count }) => count > 0).map(({ name, large: candidates }) => ({
    label: `large/${name}`,
    dir: join(root, name),
    candidates,
  }));
  return [...plain, ...large];
}
