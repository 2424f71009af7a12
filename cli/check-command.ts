import { stat } from "node:fs/promises";
import { FAMILIES } from "@/lib/model/exchange";
import { checkDirectory } from "@/lib/recording/check";
import { parseCommand, positionals, UsageError } from "./args";

export const CHECK_HELP = `Usage: tapedeck check <dir> [--json]

Decodes every recording under <dir> (a recordings folder, a suite folder or a whole checkout)
and reports how many files each format family took, how many fell back to the generic view,
and every file that failed, with the reason. Never writes.

When <dir> contains folders named "recordings", only .json files below them count; otherwise
every .json file does. node_modules and .git are never entered.

Options:
  --json      print one JSON object: {"files", "decoded", "generic", "failed"}
  -h, --help  show this help

Exit status: 0 when no file failed, 1 when a file failed, 2 on bad usage.`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: "boolean" } }, CHECK_HELP);
  if (values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  const [dir = ""] = positionals(args, ["dir"], CHECK_HELP);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`not a directory: ${dir}`, CHECK_HELP);

  const report = await checkDirectory(dir);
  if (values.json) {
    const { files, generic, failed } = report;
    const decoded = Object.fromEntries(
      FAMILIES.flatMap((family) => (report.decoded[family] ? [[family, report.decoded[family]]] : [])),
    );
    console.log(JSON.stringify({ files, decoded, generic, failed }));
  } else {
    console.log(`${report.files} recordings under ${dir}`);
    const families = Object.entries(report.decoded).sort(([, a], [, b]) => b - a);
    for (const [family, count] of families) console.log(`  ${String(count).padStart(6)}  ${family}`);
    console.log(`  ${String(report.generic).padStart(6)}  generic (no decoder matched)`);
    for (const file of report.genericFiles) console.log(`          ${file.path}: ${file.reason}`);
    console.log(`  ${String(report.failed.length).padStart(6)}  failed`);
    for (const file of report.failed) console.log(`          ${file.path}: ${file.reason}`);
  }
  return report.failed.length === 0 ? 0 : 1;
}
