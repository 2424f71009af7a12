import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { loadLimits } from "@/lib/config";
import { cassetteJson, exchangeJson, interactionJson } from "@/lib/recording/exchange-json";
import { fileNameInfo } from "@/lib/recording/name-check";
import { readRecording } from "@/lib/recording/read-recording";
import { scanAndMask } from "@/lib/secrets/masked-source";
import { parseCommand, positionals, UsageError } from "./args";
import { renderExchange, renderInteraction } from "./render-exchange";

export const SHOW_HELP = `Usage: tapedeck show <file> [--json] [--interaction N]

Prints one recording: the request in brief and the message reassembled from the response
(or the embeddings, models, tool result, HTTP body or error it holds). Any file name is
accepted: a llama-stack recording or a cassette (vcrpy, go-vcr, Ruby VCR, HAR, LangChain, httprr),
whose interactions are printed in recorded order.

Options:
  --json            a llama-stack recording: the decoded exchange as one JSON object (family,
                    provider, model, streaming, chunks, message, choices, usage, error, request,
                    response, notes, file_name); a cassette: {"format", "test", "interactions": [...]},
                    each interaction the same object plus status, method, url, host and headers
  --interaction N   a cassette's interaction N alone (numbered from 0)
  -h, --help        show this help

Exit status: 0 when the file decodes, 1 when it is broken (the reason is printed), 2 on bad usage
or a file that cannot be read.`;

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(
    argv,
    { json: { type: "boolean" }, interaction: { type: "string" } },
    SHOW_HELP,
  );
  if (values.help) {
    console.log(SHOW_HELP);
    return 0;
  }
  const [file = ""] = positionals(args, ["file"], SHOW_HELP);
  const wanted = values.interaction === undefined ? null : Number(values.interaction);
  if (wanted !== null && (!Number.isInteger(wanted) || wanted < 0)) {
    throw new UsageError(
      `--interaction must be a whole number from 0: ${String(values.interaction)}`,
      SHOW_HELP,
    );
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`no such file: ${file}`, SHOW_HELP);

  // Every credential is masked before anything is printed (`[secret <rule>: <preview>]`).
  const read = await readRecording(file, file, loadLimits());
  const { source } = await scanAndMask(read);
  const { decoded } = source;
  if (!decoded.ok) {
    if (values.json) console.log(JSON.stringify({ ok: false, kind: decoded.kind, reason: decoded.reason }));
    else console.error(`${file}: broken recording: ${decoded.reason}`);
    return 1;
  }
  const recording = decoded.file;
  if (wanted !== null) {
    const interaction = recording.interactions[wanted];
    if (!interaction) {
      throw new UsageError(
        `${file} has ${recording.interactions.length} interaction${recording.interactions.length === 1 ? "" : "s"}; there is no ${wanted}`,
        SHOW_HELP,
      );
    }
    if (values.json) console.log(JSON.stringify(interactionJson(interaction)));
    else console.log(renderInteraction(interaction));
    return 0;
  }
  if (recording.format === "llama-stack") {
    const exchange = recording.interactions[0]?.exchange;
    if (!exchange) return 1;
    // The name is checked against the file as written: a masked credential changes the hash.
    // Its result holds hashes only, no value of the request.
    const fileName = read.text === null ? null : fileNameInfo(basename(file), read.text);
    if (values.json) console.log(JSON.stringify({ ...exchangeJson(exchange), file_name: fileName }));
    else console.log(renderExchange(exchange, fileName));
    return 0;
  }
  if (values.json) {
    console.log(JSON.stringify(cassetteJson(recording)));
    return 0;
  }
  const count = recording.interactions.length;
  console.log(
    `${recording.format} cassette${recording.test ? ` of ${recording.test}` : ""}: ${count} interaction${count === 1 ? "" : "s"}`,
  );
  for (const note of recording.notes) console.log(`note: ${note}`);
  for (const interaction of recording.interactions) console.log(`\n${renderInteraction(interaction)}`);
  return 0;
}
