import { performance } from "node:perf_hooks";

export interface Figure {
  name: string;
  ms: number;
}

export interface Target {
  name: string;
  measured: Figure;
  baseline: Figure;
  /** The largest allowed measured/baseline ratio. */
  maxRatio: number;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the median wall time in milliseconds. */
export async function median(fn: () => Promise<unknown> | unknown, runs = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function printFigure(figure: Figure): void {
  console.log(`  ${figure.name.padEnd(58)} ${figure.ms.toFixed(1).padStart(9)} ms`);
}

/** Prints a target's ratio and whether it is met; returns whether it is met. */
export function printTarget(target: Target): boolean {
  const ratio = target.measured.ms / target.baseline.ms;
  const ok = ratio <= target.maxRatio;
  console.log(
    `  ${ok ? "PASS" : "FAIL"} ${target.name}: ${ratio.toFixed(2)}× baseline (target ≤ ${target.maxRatio}×; ` +
      `${target.measured.ms.toFixed(1)} ms vs ${target.baseline.ms.toFixed(1)} ms)`,
  );
  return ok;
}
