import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { benchCassetteCompare } from "./cassette-compare";
import { benchCassettes } from "./cassettes";
import { benchDecodeCorpus } from "./decode-corpus";
import { benchDiffLargest } from "./diff-largest";
import { benchIndexCorpus } from "./index-corpus";
import { benchLargestPage } from "./largest-page";
import { benchReviewHistory } from "./review-history";
import { benchReviewPage } from "./review-page";
import { benchSecretsCorpus } from "./secrets-corpus";
import { benchStartup } from "./startup";

const SHARED = resolve(process.env.TAPEDECK_SHARED ?? "../shared");
const CORPUS = resolve(SHARED, "corpus/llama-stack-head");

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.error(`bench: the corpus is not at ${CORPUS} (set TAPEDECK_SHARED to the shared folder)`);
    return 2;
  }
  console.log(`Tapedeck benchmarks on ${CORPUS} (median of interleaved runs; ratios are within one run)`);
  const results = [
    await benchDecodeCorpus(CORPUS),
    ...(await benchIndexCorpus(CORPUS)),
    ...(await benchLargestPage(CORPUS)),
    await benchDiffLargest(CORPUS),
    await benchReviewHistory(resolve(SHARED, "corpus/history.bundle")),
    ...(await benchReviewPage(resolve(SHARED, "corpus/history.bundle"))),
    ...(await benchCassettes(SHARED)),
    ...(await benchSecretsCorpus(SHARED)),
    ...(await benchCassetteCompare(SHARED)),
    ...(await benchStartup()),
  ];
  const failed = results.filter((ok) => !ok).length;
  console.log(`\n${results.length - failed} targets met, ${failed} missed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
