import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ensureFresh } from "@/cli/build-cli.mjs";
import { printFigure } from "./harness";
import { middle } from "./cpu-time";

const APP_DIR = resolve(import.meta.dirname, "..");
const RUNS = 9;

/** A small recording of the project's own (one interaction, not streamed). */
const SMALL = join(
  APP_DIR,
  "recordings/tests/integration/common/recordings/6a190204ab11539a10987e45396c93dadba523082630f301f145b0c789a0ba37.json",
);
const FOLDER = join(APP_DIR, "recordings");

/**
 * The command line as `npm install` lays it out: node_modules/tapedeck holding bin/ and the
 * compiled dist/ (no sources, so the launcher checks nothing), and the node_modules/.bin link.
 */
function installedLayout(): { bin: string; cleanup: () => void } {
  const top = mkdtempSync(join(tmpdir(), "tapedeck-bench-startup-"));
  const pkg = join(top, "node_modules", "tapedeck");
  mkdirSync(join(pkg, "dist"), { recursive: true });
  cpSync(join(APP_DIR, "bin"), join(pkg, "bin"), { recursive: true });
  for (const name of readdirSync(join(APP_DIR, "dist"))) {
    if (name.endsWith(".mjs")) cpSync(join(APP_DIR, "dist", name), join(pkg, "dist", name));
  }
  mkdirSync(join(top, "node_modules", ".bin"));
  const bin = join(top, "node_modules", ".bin", "tapedeck");
  symlinkSync("../tapedeck/bin/tapedeck.mjs", bin);
  return { bin, cleanup: () => rmSync(top, { recursive: true, force: true }) };
}

/** CPU time (user + system) of this process's ended children, in ms, on Linux; else null. */
function childrenCpu(): number | null {
  const stat = (() => {
    try {
      return readFileSync("/proc/self/stat", "utf8");
    } catch {
      return null;
    }
  })();
  if (stat === null) return null;
  // Fields after the command name (in parentheses): cutime and cstime are the 16th and 17th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** One whole-process run: wall time, and CPU time (less sensitive to a busy machine). */
function measure(file: string, args: string[]): { wall: number; cpu: number | null } {
  const cpuBefore = childrenCpu();
  const start = performance.now();
  // Exit 1 (a check that found a broken file) still measures the run.
  try {
    execFileSync(file, args, { stdio: "ignore" });
  } catch (error) {
    if (!(error instanceof Error && "status" in error && typeof error.status === "number")) throw error;
  }
  const wall = performance.now() - start;
  const cpuAfter = childrenCpu();
  return { wall, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * Start-up of the installed command line: the median of whole-process runs (node starting, the
 * launcher, the command's modules, its work), interleaved with `node -e ''` in the same loop.
 * Targets are absolute: --help under 0.3 s, show of a small recording under 0.5 s, check of the
 * project's recordings folder (30 and more files) under 1 s.
 */
export async function benchStartup(): Promise<boolean[]> {
  console.log("\nCommand-line start-up (installed layout, whole process, median of interleaved runs)");
  await ensureFresh();
  const installed = installedLayout();
  try {
    const cases = [
      { name: "node -e ''", file: process.execPath, args: ["-e", ""], target: null },
      { name: "tapedeck --help", file: installed.bin, args: ["--help"], target: 300 },
      { name: "tapedeck show <small recording>", file: installed.bin, args: ["show", SMALL], target: 500 },
      { name: "tapedeck check recordings/", file: installed.bin, args: ["check", FOLDER], target: 1000 },
      {
        name: "checkout: bin/tapedeck.mjs --help",
        file: process.execPath,
        args: [join(APP_DIR, "bin", "tapedeck.mjs"), "--help"],
        target: null,
      },
    ];
    for (const c of cases) measure(c.file, c.args);
    const walls = cases.map(() => [] as number[]);
    const cpus = cases.map(() => [] as number[]);
    for (let run = 0; run < RUNS; run++) {
      cases.forEach((c, i) => {
        const { wall, cpu } = measure(c.file, c.args);
        walls[i]?.push(wall);
        if (cpu !== null) cpus[i]?.push(cpu);
      });
    }
    const baseline = middle(walls[0] ?? []);
    const results: boolean[] = [];
    cases.forEach((c, i) => {
      const ms = middle(walls[i] ?? []);
      const cpu = cpus[i]?.length ? ` (cpu ${middle(cpus[i] ?? []).toFixed(0)} ms)` : "";
      printFigure({ name: `${c.name}${cpu}`, ms });
      if (c.target === null) return;
      const ok = ms < c.target;
      console.log(
        `  ${ok ? "PASS" : "FAIL"} ${c.name}: ${ms.toFixed(0)} ms (target < ${c.target} ms; ` +
          `${(ms - baseline).toFixed(0)} ms over node -e '' at ${baseline.toFixed(0)} ms)`,
      );
      results.push(ok);
    });
    return results;
  } finally {
    installed.cleanup();
  }
}
