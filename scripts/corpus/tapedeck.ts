import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
const BIN = resolve("bin/tapedeck.mjs");

/** Runs the `tapedeck` command as a user would; a non-zero exit is returned, not thrown. */
export async function tapedeck(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const parsed = z.object({ code: z.number(), stdout: z.string() }).safeParse(error);
    if (parsed.success) return parsed.data;
    throw error;
  }
}
