import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_DIR } from "./server";

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  image: string;
  name: string | null;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (comments dropped, continuation lines joined). */
export function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  const stages: Stage[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const match = /^(\S+)\s*(.*)$/.exec(trimmed);
    if (!match) continue;
    const keyword = (match[1] ?? "").toUpperCase();
    const args = (match[2] ?? "").replace(/\s+/g, " ").trim();
    if (keyword === "FROM") {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ image: from?.[1] ?? args, name: from?.[2] ?? null, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword, args });
    }
  }
  return stages;
}

export function readDockerfile(): { text: string; stages: Stage[] } {
  const text = readFileSync(join(APP_DIR, "Dockerfile"), "utf8");
  return { text, stages: parseDockerfile(text) };
}

/** `ENV A=1 B="two"` and the legacy `ENV A 1`, gathered over a stage. */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== "ENV") continue;
    if (!args.includes("=")) {
      const [key = "", ...rest] = args.split(" ");
      env[key] = rest.join(" ");
      continue;
    }
    for (const pair of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
      const value = pair[2] ?? "";
      env[pair[1] ?? ""] = value.startsWith('"') ? value.slice(1, -1) : value;
    }
  }
  return env;
}

/** The JSON (exec) form of `CMD [...]` or `HEALTHCHECK ... CMD [...]`; the shell form is refused. */
export function execForm(args: string): string[] {
  const json = /CMD\s+(\[.*\])$/i.exec(args)?.[1] ?? args;
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string")) {
    throw new Error(`not an exec-form command: ${args}`);
  }
  return parsed;
}

export function last(stage: Stage, keyword: string): string | null {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1)?.args ?? null;
}
