#!/usr/bin/env node
// The `tapedeck` command: runs the command line compiled ahead into dist/ (cli/build-cli.mjs).
// An installed package ships dist/ and has nothing to build. In a checkout, `npm install`
// compiles it (the `prepare` script), and this launcher compiles it again, once, when a source it
// was built from has changed since: edit lib/ or cli/, and the next run uses the edit.
import { existsSync } from "node:fs";

// A closed pipe (`tapedeck check ... | head`) ends the command quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

if (existsSync(new URL("../cli/main.ts", import.meta.url))) {
  const { ensureFresh } = await import("../cli/build-cli.mjs");
  await ensureFresh();
}
const { main } = await import("../dist/cli.mjs");
process.exitCode = await main(process.argv.slice(2));
