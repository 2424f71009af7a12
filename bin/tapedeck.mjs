#!/usr/bin/env node
// The `tapedeck` command. Runs the TypeScript sources directly through tsx, so `npx tapedeck`
// works in a checkout right after `npm install`, with no build step to remember.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// A closed pipe (`tapedeck check ... | head`) ends the command quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
