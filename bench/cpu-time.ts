/** CPU time (user and system, every thread of the process) spent since `start`, in milliseconds. */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The middle of three or more figures. */
export function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/**
 * Prints the CPU ratio beside a wall-time target: on a shared machine wall time also counts
 * waiting for the cores, while CPU time counts only the work.
 */
export function printCpuRatio(name: string, measuredMs: number, baselineMs: number): void {
  console.log(
    `       ${name} CPU: ${(measuredMs / baselineMs).toFixed(2)}× baseline ` +
      `(${measuredMs.toFixed(1)} ms vs ${baselineMs.toFixed(1)} ms)`,
  );
}
