import { readFile } from "node:fs/promises";
import { loadLimits } from "@/lib/config";
import { discoverRecordings } from "@/lib/sources/discover";
import { readRecording } from "@/lib/recording/read-recording";
import { median, printFigure, printTarget } from "./harness";

/** Issue "Foundation": decoding the whole corpus vs reading and JSON-parsing it. */
export async function benchDecodeCorpus(corpus: string): Promise<boolean> {
  const files = await discoverRecordings(corpus);
  console.log(`\nDecode the corpus (${files.length} files)`);
  // As every reader of many files calls it (the index, check): with the limits read once.
  const limits = loadLimits();
  let failures = 0;
  const readParse = async () => {
    for (const file of files) JSON.parse(await readFile(file.path, "utf8"));
  };
  const decode = async () => {
    failures = 0;
    for (const file of files) {
      if (!(await readRecording(file.path, file.relPath, limits)).decoded.ok) failures++;
    }
  };
  // Interleave the two so machine noise hits both alike.
  const baselineRuns: number[] = [];
  const decodeRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    baselineRuns.push(await median(readParse, 1));
    decodeRuns.push(await median(decode, 1));
  }
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
  const baseline = { name: "fs.readFile + JSON.parse, every file", ms: mid(baselineRuns) };
  const measured = { name: "read + decode (tapedeck), every file", ms: mid(decodeRuns) };
  printFigure(baseline);
  printFigure(measured);
  if (failures > 0) console.log(`  (${failures} files failed to decode)`);
  // Issue 13 asks 1.3× (it was 1.5×).
  return printTarget({ name: "decode corpus", measured, baseline, maxRatio: 1.3 });
}
