// The part of autocannon's API the load test uses; its result is parsed with zod in bench.ts.
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    /** Each connection sends these in turn. */
    requests?: { method: string; path: string }[];
  }
  export default function autocannon(options: Options): Promise<unknown>;
}
