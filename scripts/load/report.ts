import type { RouteResult } from "./bench";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The final table: one row per phase and route. */
export function printTable(results: RouteResult[]): void {
  const header = [
    "phase",
    "route",
    "req/s",
    "p99 ms",
    "avg ms",
    "requests",
    "errors",
    "non-2xx",
    "5xx",
    "peak RSS",
  ];
  const rows = results.map((result) => [
    result.phase,
    result.route,
    result.requestsPerSecond.toFixed(0),
    String(result.p99Ms),
    result.averageMs.toFixed(1),
    String(result.total),
    String(result.errors),
    String(result.non2xx),
    String(result.serverErrors),
    mb(result.peakRss),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  console.log(`\n${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}
