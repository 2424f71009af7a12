import { compressionBombs } from "./compression-bombs";
import { harEncodingFiles } from "./har-encoding";
import { largeFiles } from "./large-files";
import { streamBombs } from "./stream-bombs";
import { yamlBombs } from "./yaml-bombs";

/**
 * Hostile cassettes, built at run time (never committed): YAML alias and merge-key bombs, deep
 * nesting, a huge scalar, a stream of thousands of documents, code tags, decompression bombs (a
 * whole file, a `!!binary` body, Polly base64 chunks, an httprr body), stream bodies that are
 * huge or corrupt, lengths past the end of a trace, 100,000 interactions, a 1 MB URL, invalid
 * UTF-8 and bad base64. Each says how it must end, so tests, `scripts/hostile/make.ts` and the
 * check run share one list.
 */

export type Outcome =
  /** The file is listed as broken with a reason matching `reason`. */
  | { ends: "failed"; reason: RegExp }
  /** The file opens; `interaction` is marked with a problem matching `reason`. */
  | { ends: "problem"; interaction: number; reason: RegExp; interactions: number }
  /** The file opens with this many interactions and no problem. */
  | { ends: "opens"; interactions: number };

export interface HostileFile {
  /** Path in the hostile folder (every file sits under a `cassettes/` folder). */
  path: string;
  /** What it attacks, in a few words. */
  what: string;
  /** How it ends with the default limits. */
  outcome: Outcome;
  bytes(): Buffer;
}

/** `full` is what the issue lists; `small` keeps every attack but shrinks the large-but-honest files (for e2e). */
export type Scale = "full" | "small";

/** Every hostile file the issue lists, at `scale`. */
export function hostileFiles(scale: Scale = "full"): HostileFile[] {
  const full = scale === "full";
  return [
    ...yamlBombs(full),
    ...compressionBombs(),
    ...streamBombs(full),
    ...largeFiles(full),
    ...harEncodingFiles(),
  ];
}
