import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The app folder: the package's or the checkout's top (this file is compiled into dist/). */
const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Where `npm pack` puts the standalone server (cli/pack-server.ts). */
export const PACKAGED_SERVER_DIR = join(APP_DIR, "dist", "server");

export interface PackagedServer {
  /** The server's `server.js`. */
  server: string;
  /** The sub-path it was built for ("" for "/"). */
  basePath: string;
}

const requiredServerFiles = z.object({ config: z.object({ basePath: z.string() }) });

/**
 * The server an installed package ships, or null in a checkout (where `app/` holds the sources
 * and `tapedeck serve` builds from them when needed).
 */
export async function packagedServer(appDir = APP_DIR): Promise<PackagedServer | null> {
  if (await stat(join(appDir, "app")).catch(() => null)) return null;
  const dir = join(appDir, "dist", "server");
  const server = join(dir, "server.js");
  if (!(await stat(server).catch(() => null))) return null;
  const text = await readFile(join(dir, ".next", "required-server-files.json"), "utf8").catch(() => "");
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Read as "built for /" below.
  }
  const files = requiredServerFiles.safeParse(json);
  return { server, basePath: files.success ? files.data.config.basePath : "" };
}
