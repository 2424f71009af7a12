import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { ensureStandaloneBuild, STANDALONE_SERVER } from "@/cli/serve-command";
import { loadYaml } from "@/lib/containers/yaml";
import { RecordingIndex } from "@/lib/index/recording-index";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { discoverRecordings } from "@/lib/sources/discover";
import { recordingHref } from "@/lib/urls";
import { startLoadServer } from "@/scripts/load/server";
import { middle } from "./cpu-time";
import { printFigure, printTarget } from "./harness";

/** The largest cassette (4 MB, in the tarball): genai's OpenAI batch polling. */
const LARGEST = "genai/providers/openaichat/testdata/TestClient/Batch.yaml";

/** `JSON.parse` of text that starts like JSON; nothing for other text. */
function parseIfJson(text: string): void {
  const first = text.trimStart().charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return;
  try {
    JSON.parse(text);
  } catch {
    // Text that only starts like JSON.
  }
}

/**
 * Parses every string of `value` that is JSON, or an SSE stream's JSON events (a cassette's
 * bodies are text inside the YAML or HAR).
 */
function parseJsonStrings(value: unknown): void {
  if (typeof value === "string") {
    if (/^(?:data|event|id):/.test(value)) {
      for (const line of value.split("\n")) if (line.startsWith("data:")) parseIfJson(line.slice(5));
    } else parseIfJson(value);
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) parseJsonStrings(item);
  }
}

/**
 * The floor: read every candidate and parse every layer of it to plain values, nothing more: the
 * YAML (or JSON), the JSON bodies inside it, the JSON events of its SSE bodies. A llama-stack
 * recording's bodies and chunks are parsed with the file; a cassette's are text inside it, parsed
 * on their own, and any reader of them pays that. (With the YAML alone as the floor, reading the
 * YAML four times as fast made the ratio worse: 1.43× became 2.0× while the index took half the time.)
 */
async function readAndParse(paths: string[]): Promise<void> {
  for (const path of paths) {
    // Read in place, the fastest way there is: a floor no reader can beat by reading otherwise.
    let bytes: Buffer = readFileSync(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    if (/\.(ya?ml)(\.gz)?$/.test(path)) {
      try {
        parseJsonStrings(loadYaml(bytes.toString("utf8"), DEFAULT_LIMITS));
      } catch {
        // An empty file: nothing to parse.
      }
    } else if (/\.(json|har)$/.test(path)) parseJsonStrings(JSON.parse(bytes.toString("utf8")));
    else bytes.toString("utf8");
  }
}

async function extractLarge(shared: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tapedeck-bench-large-"));
  await promisify(execFile)("tar", ["-xzf", join(shared, "corpus/cassettes-large.tar.gz"), "-C", dir]);
  return dir;
}

/**
 * Issue "Every recorder": indexing every cassette cold against reading and parsing the same files
 * (js-yaml / JSON.parse), and the largest cassette's page on the production server.
 */
export async function benchCassettes(shared: string): Promise<boolean[]> {
  const plain = join(shared, "corpus/cassettes");
  const large = await extractLarge(shared);
  const cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-bench-cassettes-"));
  try {
    const roots = [plain, large];
    const files = (await Promise.all(roots.map((root) => discoverRecordings(root)))).flat();
    console.log(`\nIndex every cassette cold (${files.length} candidate files, the tarball included)`);
    const paths = files.map((file) => file.path);
    const floorRuns: number[] = [];
    const coldRuns: number[] = [];
    let interactions = 0;
    for (let run = 0; run < 3; run++) {
      let start = performance.now();
      await readAndParse(paths);
      floorRuns.push(performance.now() - start);
      start = performance.now();
      interactions = 0;
      for (const root of roots) {
        const index = await RecordingIndex.open({ root, cache: false });
        interactions += index.facets().interactions;
        await index.close();
      }
      coldRuns.push(performance.now() - start);
    }
    const floor = { name: "read + parse every layer (YAML, JSON bodies, SSE events)", ms: middle(floorRuns) };
    const cold = {
      name: `cold index (${interactions.toLocaleString("en-US")} interactions)`,
      ms: middle(coldRuns),
    };
    printFigure(floor);
    printFigure(cold);
    const results = [
      printTarget({ name: "cold index of the cassettes", measured: cold, baseline: floor, maxRatio: 1.5 }),
    ];

    console.log("\nThe page of the largest cassette (4 MB, production server)");
    if ((await ensureStandaloneBuild("", process.env)) !== 0) throw new Error("the build failed");
    const server = await startLoadServer(STANDALONE_SERVER, large, cacheDir);
    try {
      const url = `${server.url}${recordingHref(LARGEST)}`;
      const served: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 6; i++) {
        const start = performance.now();
        const response = await fetch(url);
        bytes = (await response.arrayBuffer()).byteLength;
        if (!response.ok) throw new Error(`the page answered ${response.status}`);
        served.push(performance.now() - start);
      }
      printFigure({ name: `first response (${(bytes / 1024).toFixed(0)} KB of HTML)`, ms: served[0] ?? 0 });
      const warm = middle(served.slice(1));
      printFigure({ name: "response, median of the next 5 (warm)", ms: warm });
      const fast = warm < 1000;
      console.log(`  ${fast ? "PASS" : "FAIL"} the largest cassette's page is served in under a second warm`);
      results.push(fast);
    } finally {
      await server.stop();
    }
    return results;
  } finally {
    await rm(large, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}
