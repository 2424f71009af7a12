import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { compareRecordings } from "@/lib/diff/compare";
import { sideFromText } from "@/lib/diff/load-side";
import { printFigure } from "./harness";

const LARGEST =
  "tests/integration/responses/recordings/0ea735928993b5a2de3a444256136d53ab666dbfb7582e5562268f809aa8d5f3.json";

/** Changes the text of one chunk in the middle of a streamed recording's JSON text. */
function changeOneChunk(text: string): string {
  const marker = '"content": "';
  let at = text.length / 2;
  at = text.indexOf(marker, at);
  if (at === -1) throw new Error("no chunk content to change");
  return `${text.slice(0, at + marker.length)}CHANGED ${text.slice(at + marker.length)}`;
}

/** Issue "Compare": diffing the 1.1 MB recording against a copy with one chunk changed. */
export async function benchDiffLargest(corpus: string): Promise<boolean> {
  const before = await readFile(`${corpus}/${LARGEST}`, "utf8");
  const after = changeOneChunk(before);
  console.log(
    `\nDiff the largest recording (${(before.length / 1024 / 1024).toFixed(1)} MB) with one chunk changed`,
  );
  const decodes: number[] = [];
  const diffs: number[] = [];
  let verdict = "";
  for (let i = 0; i < 6; i++) {
    let start = performance.now();
    const a = sideFromText(before).side;
    const b = sideFromText(after).side;
    decodes.push(performance.now() - start);
    if (!a || !b) throw new Error("the largest recording does not decode");
    start = performance.now();
    const comparison = compareRecordings(a, b);
    diffs.push(performance.now() - start);
    verdict = `${comparison.verdict}: ${comparison.summary}`;
  }
  const median = (values: number[]) => [...values].slice(1).sort((x, y) => x - y)[2] ?? 0;
  const decode = { name: "decode both files (baseline, not a target)", ms: median(decodes) };
  const diff = { name: "compare the two decoded recordings", ms: median(diffs) };
  printFigure(decode);
  printFigure(diff);
  const ok = diff.ms < 300;
  console.log(
    `  ${ok ? "PASS" : "FAIL"} diff under 300 ms (${diff.ms.toFixed(1)} ms; ${(diff.ms / decode.ms).toFixed(2)}× the decode) → ${verdict}`,
  );
  return ok;
}
