/** One corpus check: `run` resolves to null when it holds, else to what went wrong. */
export type Check = { name: string; run: () => Promise<string | null> };
