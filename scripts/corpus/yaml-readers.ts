import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gunzipSync } from "node:zlib";
import { loadYamlCarefully } from "@/lib/containers/yaml";
import { loadPlainYaml } from "@/lib/containers/yaml-plain";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { cassetteFolders } from "./cassette-folders";
import type { Check } from "./check";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml(\.gz)?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The fast YAML reader (js-yaml 4, `yaml-plain.ts`) must read every cassette it takes exactly as
 * the careful reader (js-yaml 5) does: the same documents, values, types and key order.
 */
export function yamlReadersCheck(shared: string): Check {
  return {
    name: "YAML: the fast reader reads every plain cassette as the careful reader does",
    run: async () => {
      let plain = 0;
      let total = 0;
      const wrong: string[] = [];
      for (const folder of cassetteFolders(shared)) {
        for (const path of yamlFiles(folder.dir)) {
          const bytes = readFileSync(path);
          const text = (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
          total++;
          const fast = loadPlainYaml(text, DEFAULT_LIMITS);
          if (fast === null) continue;
          plain++;
          let careful: unknown[] | null = null;
          try {
            careful = loadYamlCarefully(text, DEFAULT_LIMITS).documents;
          } catch {
            careful = null;
          }
          if (!isDeepStrictEqual(fast, careful)) wrong.push(path);
        }
      }
      console.log(`  YAML readers: ${plain} of ${total} cassettes plain, read alike by both`);
      if (plain < total * 0.9) return `only ${plain} of ${total} cassettes took the fast reader`;
      return wrong.length > 0
        ? `${wrong.length} read differently, e.g. ${wrong.slice(0, 3).join(", ")}`
        : null;
    },
  };
}
