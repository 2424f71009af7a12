import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { RecordingIndex } from "@/lib/index/recording-index";
import { discoverRecordings } from "@/lib/sources/discover";
import { cpuSince, middle, printCpuRatio } from "./cpu-time";
import { printFigure, printTarget } from "./harness";

const QUERIES = [
  "weather",
  "gpt-4o",
  "test_response_streaming",
  "Paris",
  "tool",
  "llama3.2",
  "hello world",
  "france capital",
];

/** Issue "Browse": cold index, restart on an unchanged corpus, search latency, memory. */
export async function benchIndexCorpus(corpus: string): Promise<boolean[]> {
  const files = await discoverRecordings(corpus);
  console.log(`\nIndex the corpus (${files.length} files)`);
  const cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-bench-cache-"));
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
  try {
    const baselineRuns: number[] = [];
    const coldRuns: number[] = [];
    const restartRuns: number[] = [];
    const baselineCpu: number[] = [];
    const coldCpu: number[] = [];
    let index: RecordingIndex | null = null;
    for (let i = 0; i < 3; i++) {
      // The last round's index scans for credentials in the background: stopped, lest the scan
      // run during this round's baseline (it made that baseline several times slower).
      await index?.close();
      let start = performance.now();
      let cpuStart = process.cpuUsage();
      // Read in place, the fastest way there is: a floor no reader can beat by reading otherwise.
      for (const file of files) JSON.parse(readFileSync(file.path, "utf8"));
      baselineRuns.push(performance.now() - start);
      baselineCpu.push(cpuSince(cpuStart));

      await rm(cacheDir, { recursive: true, force: true });
      start = performance.now();
      cpuStart = process.cpuUsage();
      const cold = await RecordingIndex.open({ root: corpus, cache: true });
      coldRuns.push(performance.now() - start);
      coldCpu.push(cpuSince(cpuStart));
      await cold.close(); // as a server stops: the cache is written in the background until then

      start = performance.now();
      index = await RecordingIndex.open({ root: corpus, cache: true });
      restartRuns.push(performance.now() - start);
    }
    const baseline = { name: "readFileSync + JSON.parse, every file", ms: middle(baselineRuns) };
    const cold = { name: "cold index (no cache)", ms: middle(coldRuns) };
    const restart = { name: "restart on the unchanged corpus (cache)", ms: middle(restartRuns) };
    printFigure(baseline);
    printFigure(cold);
    printFigure(restart);
    const results = [
      // Issue 13 asks 1.3× (it was 1.5×).
      printTarget({ name: "cold index", measured: cold, baseline, maxRatio: 1.3 }),
      printTarget({ name: "restart", measured: restart, baseline, maxRatio: 0.25 }),
    ];
    printCpuRatio("cold index", middle(coldCpu), middle(baselineCpu));

    if (index) {
      index.search("warm up");
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const query of QUERIES) {
          const start = performance.now();
          index.search(query);
          times.push(performance.now() - start);
        }
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length / 2)] ?? 0;
      const worst = times[times.length - 1] ?? 0;
      printFigure({ name: `search, median of ${times.length} queries`, ms: p50 });
      printFigure({ name: "search, slowest query", ms: worst });
      const ok = worst < 50;
      console.log(`  ${ok ? "PASS" : "FAIL"} search answers in under 50 ms (slowest ${worst.toFixed(1)} ms)`);
      results.push(ok);
      // Its credentials scan runs in the background: stopped, lest it run during the next benchmarks.
      await index.close();
    }

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "bench/index-rss.ts", corpus],
      { env: { ...process.env, TAPEDECK_CACHE_DIR: cacheDir } },
    );
    console.log(`  memory after indexing (separate process): ${stdout.trim()}`);
    return results;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
