import { UsageError } from "./args";
import { checkCommand } from "./check-command";
import { diffCommand } from "./diff-command";
import { reviewCommand } from "./review-command";
import { serveCommand } from "./serve-command";
import { showCommand } from "./show-command";

const COMMANDS: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  check: { summary: "decode every recording under a directory and report failures", run: checkCommand },
  diff: { summary: "compare two recordings (files or <rev>:<path>) and give a verdict", run: diffCommand },
  review: { summary: "review the recordings changed between two revisions", run: reviewCommand },
  serve: { summary: "build when needed and serve the web app on a recordings directory", run: serveCommand },
  show: {
    summary: "print one recording: the request in brief and the reassembled message",
    run: showCommand,
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
  const command = COMMANDS[name];
  if (!command) {
    console.error(`tapedeck: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(
        error.help
          ? `tapedeck ${name}: ${error.message}\n\n${error.help}`
          : `tapedeck ${name}: ${error.message}`,
      );
      return 2;
    }
    throw error;
  }
}
