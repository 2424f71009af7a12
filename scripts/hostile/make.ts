// Writes every hostile cassette into a folder, for the check run and for trying them by hand:
// `npx tsx --tsconfig tsconfig.json scripts/hostile/make.ts DIR [--small]` (a developer's tool).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { hostileFiles } from "./hostile-files";

const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith("--"));
if (!dir) {
  console.error("usage: scripts/hostile/make.ts DIR [--small]");
  process.exit(2);
}
const root = resolve(dir);
let total = 0;
for (const file of hostileFiles(args.includes("--small") ? "small" : "full")) {
  const path = join(root, file.path);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = file.bytes();
  writeFileSync(path, bytes);
  total += bytes.length;
  console.log(`${(bytes.length / 1024 / 1024).toFixed(2).padStart(8)} MB  ${file.path}: ${file.what}`);
}
console.log(`${(total / 1024 / 1024).toFixed(1)} MB in ${root}`);
