import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { RecordingIndex } from "@/lib/index/recording-index";
import { readRecording } from "@/lib/recording/read-recording";
import { scanDirectory } from "@/lib/secrets/scan-directory";
import { discoverRecordings } from "@/lib/sources/discover";
import { printFigure, printTarget } from "./harness";

/**
 * Issue "Secrets": scanning every cassette (the tarball's too) for credentials against indexing
 * them, in the same run; and, for the record, against only reading and decoding them.
 */
export async function benchSecretsCorpus(shared: string): Promise<boolean[]> {
  const plain = join(shared, "corpus/cassettes");
  const large = await mkdtemp(join(tmpdir(), "tapedeck-bench-secrets-"));
  try {
    await promisify(execFile)("tar", ["-xzf", join(shared, "corpus/cassettes-large.tar.gz"), "-C", large]);
    const roots = [plain, large];
    const files = (await Promise.all(roots.map((root) => discoverRecordings(root)))).flat();
    console.log(
      `\nScan every cassette for credentials (${files.length} candidate files, the tarball included)`,
    );
    const decodeRuns: number[] = [];
    const indexRuns: number[] = [];
    const scanRuns: number[] = [];
    let findings = 0;
    for (let run = 0; run < 2; run++) {
      let start = performance.now();
      for (const file of files) await readRecording(file.path, file.relPath);
      decodeRuns.push(performance.now() - start);
      start = performance.now();
      for (const root of roots) await (await RecordingIndex.open({ root, cache: false })).close();
      indexRuns.push(performance.now() - start);
      start = performance.now();
      findings = 0;
      for (const root of roots) findings += (await scanDirectory(root)).findings.length;
      scanRuns.push(performance.now() - start);
    }
    // Two interleaved runs each (a pass takes a minute or more): the better one of each.
    const best = (values: number[]) => Math.min(...values);
    const decode = { name: "read + decode every file", ms: best(decodeRuns) };
    const index = { name: "cold index (no cache)", ms: best(indexRuns) };
    const scan = { name: `tapedeck secrets (${findings} findings)`, ms: best(scanRuns) };
    printFigure(decode);
    printFigure(index);
    printFigure(scan);
    console.log(`  scanning costs ${(scan.ms / decode.ms).toFixed(2)}× reading and decoding alone`);
    return [printTarget({ name: "scan the cassettes", measured: scan, baseline: index, maxRatio: 1.5 })];
  } finally {
    await rm(large, { recursive: true, force: true });
  }
}
