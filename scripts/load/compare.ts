// `npm run load -- --against <baseline server.js>`: the list page of this build and of a baseline
// build (another checkout's `.next/standalone/server.js`) under the same load, over the same root,
// alternately for several rounds, so that a shared machine's noise falls on both alike.
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { loadRoute, loadMix, type RouteResult } from "./bench";
import { startLoadServer, type LoadServer } from "./server";

/** The list page's query mix: the first page, a search, a filter, a later page, another sort. */
export const LIST_MIX = [
  "/recordings",
  "/recordings?q=weather",
  "/recordings?family=openai-chat",
  "/recordings?page=2",
  "/recordings?sort=size",
  "/recordings?streaming=true&page=3",
];

const ROUNDS = Number(process.env.TAPEDECK_LOAD_ROUNDS ?? 3);

/** CPU seconds (user + system) the process has used so far, from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Sample extends RouteResult {
  build: string;
  round: number;
  /** Server CPU seconds per 1,000 requests answered. */
  cpuPerThousand: number;
  load1: number;
}

async function measure(server: LoadServer, build: string, round: number, route: string): Promise<Sample> {
  const before = await cpuSeconds(server.pid);
  const result =
    route === "list page"
      ? await loadRoute(server, build, route, LIST_MIX[0] ?? "/recordings")
      : await loadMix(server, build, route, LIST_MIX);
  const cpu = (await cpuSeconds(server.pid)) - before;
  return {
    ...result,
    build,
    round,
    cpuPerThousand: (cpu / Math.max(1, result.total)) * 1000,
    load1: loadavg()[0] ?? 0,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs both builds alternately; prints every round and the medians; returns the samples. */
export async function compareList(
  serverJs: string,
  baselineJs: string,
  root: string,
  scratch: string,
): Promise<Sample[]> {
  const builds = [
    { name: "baseline", server: await startLoadServer(baselineJs, root, join(scratch, "cache-baseline")) },
    { name: "this build", server: await startLoadServer(serverJs, root, join(scratch, "cache-this")) },
  ];
  const samples: Sample[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const route of ["list page", "list mix"]) {
        // Alternate which build goes first, so neither always runs after the other's heat.
        const order = round % 2 ? builds : [...builds].reverse();
        for (const { name, server } of order) {
          const sample = await measure(server, name, round, route);
          console.log(
            `load: round ${round} ${route} ${name}: ${sample.requestsPerSecond.toFixed(1)} req/s, ` +
              `p99 ${sample.p99Ms} ms, ${sample.cpuPerThousand.toFixed(2)} CPU s per 1000, ` +
              `${sample.errors} errors, ${sample.non2xx} non-2xx, load ${sample.load1.toFixed(2)}`,
          );
          samples.push(sample);
        }
      }
    }
  } finally {
    for (const { server } of builds) await server.stop();
  }
  console.log("\nroute      build       req/s (median)  p99 ms (median)  CPU s/1000 req  load avg");
  for (const route of ["list page", "list mix"]) {
    const rate: Record<string, number> = {};
    for (const { name } of builds) {
      const of = samples.filter((s) => s.route === route && s.build === name);
      rate[name] = median(of.map((s) => s.requestsPerSecond));
      console.log(
        `${route.padEnd(10)} ${name.padEnd(10)} ${rate[name].toFixed(1).padStart(14)}  ` +
          `${median(of.map((s) => s.p99Ms))
            .toFixed(0)
            .padStart(15)}  ` +
          `${median(of.map((s) => s.cpuPerThousand))
            .toFixed(2)
            .padStart(14)}  ` +
          `${median(of.map((s) => s.load1))
            .toFixed(2)
            .padStart(8)}`,
      );
    }
    const ratio = (rate["this build"] ?? 0) / Math.max(1e-9, rate.baseline ?? 0);
    console.log(`${route.padEnd(10)} ratio      ${ratio.toFixed(2)}×`);
  }
  return samples;
}
