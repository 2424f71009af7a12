import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * One hash of a whole tree: every entry's path, type and mode, each file's bytes and each link's
 * target (links are not followed). Times are left out: reading a file may change its access time.
 */
export function hashTree(root: string): string {
  const hash = createHash("sha256");
  const visit = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel === "" ? name : `${rel}/${name}`;
      const info = lstatSync(path);
      hash.update(`${relPath}\0${info.mode.toString(8)}\0`);
      if (info.isSymbolicLink()) hash.update(`link\0${readlinkSync(path)}\0`);
      else if (info.isDirectory()) {
        hash.update("dir\0");
        visit(path, relPath);
      } else if (info.isFile()) hash.update(`file\0${info.size}\0`).update(readFileSync(path));
      else hash.update("other\0");
    }
  };
  visit(root, "");
  return hash.digest("hex");
}
