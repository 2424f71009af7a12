import { readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** What the fault script left each file it touched as. */
export type FaultState = "valid" | "broken" | "deleted";

export interface FaultRun {
  /** Stops the loop; resolves when the operation in flight is done. */
  stop(): Promise<void>;
  /** Operations done, by kind. */
  counts: Record<string, number>;
  /** The final state of every file touched, by path relative to the root. */
  touched: Map<string, FaultState>;
}

/** A small deterministic generator, so a run can be repeated. */
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

/** Every `.json` file under a folder named `recordings`, relative to the root. */
export async function recordingFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .filter((path) => path.split("/").slice(0, -1).includes("recordings"))
    .sort();
}

/**
 * Keeps adding, rewriting, truncating, corrupting and deleting recordings under `root` (a copy:
 * never the shared corpus) every `intervalMs`, until stopped or `maxMs` or `maxOps` is reached.
 * Files in `protect` are left alone (the pages under load, and files broken from the start).
 */
export async function startFaults(
  root: string,
  options: { protect: Set<string>; intervalMs?: number; maxMs?: number; maxOps?: number; seed?: number },
): Promise<FaultRun> {
  const next = random(options.seed ?? 6);
  const files = (await recordingFiles(root)).filter((path) => !options.protect.has(path));
  // Copies for "add" come from these, read before anything is broken.
  const originals = await Promise.all(
    files.slice(0, 200).map(async (path) => ({ path, bytes: await readFile(join(root, path)) })),
  );
  const counts: Record<string, number> = { add: 0, rewrite: 0, truncate: 0, corrupt: 0, delete: 0 };
  const touched = new Map<string, FaultState>();
  const live = new Set(files);
  const pick = () => [...live][Math.floor(next() * live.size)];
  const started = Date.now();
  let stopped = false;
  let ops = 0;

  async function step(): Promise<void> {
    const roll = next();
    if (roll < 0.25) {
      const source = originals[Math.floor(next() * originals.length)];
      if (!source) return;
      const target = source.path.replace(/[^/]+\.json$/, `fault-${ops}.json`);
      await writeFile(join(root, target), source.bytes);
      live.add(target);
      touched.set(target, "valid");
      counts.add = (counts.add ?? 0) + 1;
    } else if (roll < 0.45) {
      const path = pick();
      if (!path || touched.get(path) === "broken") return;
      const text = await readFile(join(root, path), "utf8");
      await writeFile(join(root, path), JSON.stringify(JSON.parse(text), null, 1));
      touched.set(path, "valid");
      counts.rewrite = (counts.rewrite ?? 0) + 1;
    } else if (roll < 0.65) {
      const path = pick();
      if (!path) return;
      const size = (await readFile(join(root, path))).length;
      await truncate(join(root, path), Math.floor(size * next() * 0.9));
      touched.set(path, "broken");
      counts.truncate = (counts.truncate ?? 0) + 1;
    } else if (roll < 0.8) {
      const path = pick();
      if (!path) return;
      await writeFile(join(root, path), `{"request": {"body": ${"[".repeat(500)}`);
      touched.set(path, "broken");
      counts.corrupt = (counts.corrupt ?? 0) + 1;
    } else {
      const path = pick();
      if (!path) return;
      await rm(join(root, path));
      live.delete(path);
      touched.set(path, "deleted");
      counts.delete = (counts.delete ?? 0) + 1;
    }
  }

  const loop = (async () => {
    const maxMs = options.maxMs ?? 120_000;
    const maxOps = options.maxOps ?? 5_000;
    while (!stopped && Date.now() - started < maxMs && ops < maxOps) {
      await step();
      ops++;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    }
  })();

  return {
    counts,
    touched,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
