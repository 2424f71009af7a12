import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers of lib/, bottom first, in the order the data flows: a folder (or top-level file)
 * imports only from its own layer and the ones below it. Tests and test builders may reach
 * higher, to test a piece through the pipeline.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["model"],
  ["config"],
  ["urls"],
  ["sources", "git"],
  ["containers"],
  ["providers"],
  ["recording"],
  ["secrets"],
  ["index"],
  ["diff"],
  ["match"],
  ["review"],
  ["views"],
  ["server"],
];

const LIB = fileURLToPath(new URL(".", import.meta.url));

function layerOf(name: string): number {
  return LAYERS.findIndex((layer) => layer.includes(name));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "fixtures" || entry.name === "testing" ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The top-level name under lib/ of a file: its folder, or a file's stem (`config.ts` → `config`). */
function topName(relPath: string): string {
  return relPath.split("/")[0]?.replace(/\.tsx?$/, "") ?? "";
}

describe("the layers of lib/", () => {
  const files = sources(LIB).map((path) => relative(LIB, path).split("\\").join("/"));

  it("places every folder in a layer", () => {
    const unplaced = [...new Set(files.map(topName))].filter((name) => layerOf(name) === -1);
    expect(unplaced).toEqual([]);
  });

  it("imports only from the same layer or below, and never from app/ or components/", () => {
    const offences: string[] = [];
    for (const file of files) {
      const own = layerOf(topName(file));
      const text = readFileSync(join(LIB, file), "utf8");
      for (const match of text.matchAll(/from "@\/([^"]+)"/g)) {
        const target = match[1] ?? "";
        if (!target.startsWith("lib/")) {
          offences.push(`${file} imports @/${target} (lib/ is free of the app and of React)`);
          continue;
        }
        const name = topName(target.slice(4));
        if (layerOf(name) > own)
          offences.push(`${file} (${topName(file)}) imports lib/${name}, a layer above it`);
      }
      if (/from "react(-dom)?"/.test(text)) offences.push(`${file} imports React`);
    }
    expect(offences).toEqual([]);
  });
});
