import { resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  TAPEDECK_ROOT: z.string().min(1, "must not be empty").default("recordings"),
  TAPEDECK_MAX_FILE_MB: z.coerce
    .number({ error: "must be a number of megabytes" })
    .positive("must be a positive number of megabytes")
    .default(50),
});

export interface Config {
  /** The recordings root, absolute. */
  root: string;
  maxFileBytes: number;
}

/** Reads the configuration from the environment; a bad value throws a message naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  return {
    root: resolve(parsed.data.TAPEDECK_ROOT),
    maxFileBytes: Math.round(parsed.data.TAPEDECK_MAX_FILE_MB * 1024 * 1024),
  };
}
