import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { exchangeJson } from "@/lib/recording/exchange-json";
import { fileNameInfo } from "@/lib/recording/file-name";
import { readRecording } from "@/lib/sources/read-file";
import { parseCommand, positionals, UsageError } from "./args";
import { renderExchange } from "./render-exchange";

export const SHOW_HELP = `Usage: tapedeck show <file> [--json]

Prints one recording: the request in brief and the message reassembled from the response
(or the embeddings, models, tool result or error it holds). Any file name is accepted.

Options:
  --json      print the decoded exchange as one JSON object (family, provider, model, streaming,
              chunks, message, choices, usage, error, request, response, notes, file_name)
  -h, --help  show this help

Exit status: 0 when the file decodes, 1 when it is broken (the reason is printed), 2 on bad usage
or a file that cannot be read.`;

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: "boolean" } }, SHOW_HELP);
  if (values.help) {
    console.log(SHOW_HELP);
    return 0;
  }
  const [file = ""] = positionals(args, ["file"], SHOW_HELP);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`no such file: ${file}`, SHOW_HELP);

  const { decoded, text } = await readRecording(file);
  if (!decoded.ok) {
    if (values.json) console.log(JSON.stringify({ ok: false, kind: decoded.kind, reason: decoded.reason }));
    else console.error(`${file}: broken recording: ${decoded.reason}`);
    return 1;
  }
  const fileName = text === null ? null : fileNameInfo(basename(file), text);
  if (values.json) console.log(JSON.stringify({ ...exchangeJson(decoded.exchange), file_name: fileName }));
  else console.log(renderExchange(decoded.exchange, fileName));
  return 0;
}
