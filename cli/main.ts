import { UsageError } from "./args";

type Run = (argv: string[]) => Promise<number>;

/**
 * Each command is loaded when it runs, not before: `--help` and `show` must not pay for the diff,
 * git or the review, which only `diff` and `review` use. A new command is one line here.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Run> }> = {
  check: {
    summary: "decode every recording under a directory and report failures",
    load: async () => (await import("./check-command")).checkCommand,
  },
  diff: {
    summary: "compare two recordings (files or <rev>:<path>) and give a verdict",
    load: async () => (await import("./diff-command")).diffCommand,
  },
  match: {
    summary: "find the recordings closest to a request (or a replay error) and what differs",
    load: async () => (await import("./match-command")).matchCommand,
  },
  review: {
    summary: "review the recordings changed between two revisions",
    load: async () => (await import("./review-command")).reviewCommand,
  },
  secrets: {
    summary: "find credentials that leaked into recordings (exit 1 when one did)",
    load: async () => (await import("./secrets-command")).secretsCommand,
  },
  serve: {
    summary: "build when needed and serve the web app on a recordings directory",
    load: async () => (await import("./serve-command")).serveCommand,
  },
  show: {
    summary: "print one recording: the request in brief and the reassembled message",
    load: async () => (await import("./show-command")).showCommand,
  },
};

export const MAIN_HELP = `Usage: tapedeck <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(8)}${summary}`)
  .join("\n")}

Run "tapedeck <command> --help" for a command's options.`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`tapedeck: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(
        error.help
          ? `tapedeck ${name}: ${error.message}\n\n${error.help}`
          : `tapedeck ${name}: ${error.message}`,
      );
      return 2;
    }
    // A bad TAPEDECK_* value (lib/config's ConfigError, told by name: importing it here would
    // load zod before every command).
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(`tapedeck ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
