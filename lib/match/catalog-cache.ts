import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { cacheDirectory } from "@/lib/index/persistent-cache";
import { catalogEntrySchema, type CatalogEntry } from "./catalog-entry";

/** Bump when what an entry holds, or how it is read, changes. */
export const CATALOG_VERSION = 1;

/** The requests of one file, with the size and time they were read at. */
export interface CatalogFile {
  path: string;
  size: number;
  mtimeMs: number;
  entries: CatalogEntry[];
}

const catalogFileSchema = z.object({
  path: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  entries: z.array(catalogEntrySchema),
});

const cacheSchema = z.object({
  version: z.literal(CATALOG_VERSION),
  code: z.string(),
  root: z.string(),
  files: z.array(catalogFileSchema),
});

/** The code that read the requests (set at build time, as for the index cache). */
function codeFingerprint(): string {
  return process.env.TAPEDECK_CODE_FINGERPRINT ?? "unbuilt";
}

function cacheFile(root: string): string {
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return join(cacheDirectory(), `requests-${key}.json`);
}

/** The requests read on the last run over `root`, by path; empty when there is no usable cache. */
export async function loadCatalogFiles(root: string): Promise<Map<string, CatalogFile>> {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(await readFile(cacheFile(root), "utf8")));
    if (!parsed.success || parsed.data.root !== root || parsed.data.code !== codeFingerprint())
      return new Map();
    // A missing `body` (file-processor requests have none) reads back as a present `undefined`.
    const files = parsed.data.files.map((file) => ({
      ...file,
      entries: file.entries.map((entry) => ({ ...entry, parts: { ...entry.parts, body: entry.parts.body } })),
    }));
    return new Map(files.map((file) => [file.path, file]));
  } catch {
    return new Map();
  }
}

/** Saves the requests (atomically); failures are ignored, a cache being an optimisation. */
export async function saveCatalogFiles(root: string, files: Iterable<CatalogFile>): Promise<void> {
  const file = cacheFile(root);
  try {
    await mkdir(cacheDirectory(), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(
      temp,
      JSON.stringify({ version: CATALOG_VERSION, code: codeFingerprint(), root, files: [...files] }),
    );
    await rename(temp, file);
  } catch {
    // A read-only cache folder must not stop a match.
  }
}
