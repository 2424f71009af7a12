import autocannon from "autocannon";
import { z } from "zod";
import type { LoadServer } from "./server";

const resultSchema = z.object({
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  "5xx": z.number(),
  latency: z.object({ p99: z.number(), average: z.number() }),
  requests: z.object({ average: z.number(), total: z.number() }),
  statusCodeStats: z.record(z.string(), z.object({ count: z.number() })),
});

export interface RouteResult {
  phase: string;
  route: string;
  path: string;
  requestsPerSecond: number;
  total: number;
  p99Ms: number;
  averageMs: number;
  errors: number;
  non2xx: number;
  serverErrors: number;
  statusCodes: Record<string, number>;
  /** Highest VmRSS sampled during the run, in bytes. */
  peakRss: number;
}

export const CONNECTIONS = 50;
export const DURATION_S = 20;

/**
 * Runs autocannon (50 connections, 20 seconds) against one path while sampling the server's
 * resident memory every 200 ms. Bounded by autocannon's duration.
 */
export function loadRoute(
  server: LoadServer,
  phase: string,
  route: string,
  path: string,
): Promise<RouteResult> {
  return loadMix(server, phase, route, [path]);
}

/** As `loadRoute`, each connection asking for `paths` in turn (a query mix). */
export async function loadMix(
  server: LoadServer,
  phase: string,
  route: string,
  paths: string[],
): Promise<RouteResult> {
  // Warm up: the first request of a page compiles nothing in production, but fills caches.
  for (const path of paths) {
    for (let i = 0; i < 3; i++)
      await fetch(`${server.url}${path}`).then((response) => response.arrayBuffer());
  }
  let peakRss = (await server.memory()).rss;
  const sampler = setInterval(() => {
    void server.memory().then(({ rss }) => (peakRss = Math.max(peakRss, rss)));
  }, 200);
  try {
    const raw: unknown = await autocannon({
      url: `${server.url}${paths[0] ?? "/"}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 30,
      ...(paths.length > 1 ? { requests: paths.map((path) => ({ method: "GET", path })) } : {}),
    });
    const result = resultSchema.parse(raw);
    return {
      phase,
      route,
      path: paths.join(" "),
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      p99Ms: result.latency.p99,
      averageMs: result.latency.average,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      serverErrors: result["5xx"],
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
      ),
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}
