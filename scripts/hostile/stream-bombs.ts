import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";
import type { HostileFile } from "./hostile-files";
import {
  binaryBlock,
  CHAT_URL,
  chatCompletion,
  chatRequest,
  httprrRecord,
  httprrRequest,
  httprrResponse,
  HTTPRR_MAGIC,
  MB,
  quoted,
  vcrpy,
} from "./cassette-writers";

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** A Bedrock ConverseStream reply as AWS eventstream bytes: one message per event. */
function converseStream(words: readonly string[]): Buffer[] {
  const text = (value: string) => ({ type: "string" as const, value });
  const event = (type: string, payload: unknown) =>
    Buffer.from(
      codec.encode({
        headers: {
          ":event-type": text(type),
          ":content-type": text("application/json"),
          ":message-type": text("event"),
        },
        body: fromUtf8(JSON.stringify(payload)),
      }),
    );
  return [
    event("messageStart", { role: "assistant", p: "abcd" }),
    ...words.map((word) =>
      event("contentBlockDelta", { contentBlockIndex: 0, delta: { text: word }, p: "ab" }),
    ),
    event("contentBlockStop", { contentBlockIndex: 0, p: "abc" }),
    event("messageStop", { stopReason: "end_turn", p: "abcdef" }),
  ];
}

function bedrockCassette(body: Uint8Array): string {
  const url =
    "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream";
  return vcrpy([
    {
      uri: url,
      requestBody: ` ${quoted(JSON.stringify({ messages: [{ role: "user", content: [{ text: "Count to three." }] }] }))}`,
      responseBody: `\n      string:${binaryBlock(body, "        ")}`,
      responseHeaders: { "content-type": "application/vnd.amazon.eventstream" },
    },
  ]);
}

/**
 * Stream bodies that are huge (one 30 MB SSE line, a million NDJSON lines) or corrupt (an
 * eventstream with a bad CRC or a length past its end), and an httprr trace whose record lengths
 * run past the end of the file.
 */
export function streamBombs(full: boolean): HostileFile[] {
  const sseLineMb = full ? 30 : 3;
  const ndjsonLines = full ? 1_000_000 : 50_000;

  return [
    {
      path: "cassettes/streams/sse-30mb-line.yaml",
      what: `an SSE body whose one \`data:\` line is ${sseLineMb} MB`,
      outcome: { ends: "opens", interactions: 1 },
      bytes: () => {
        const chunk = (delta: unknown, finish: string | null) =>
          JSON.stringify({
            id: "chatcmpl-0",
            object: "chat.completion.chunk",
            created: 1767312600,
            model: "gpt-4o-mini-2024-07-18",
            choices: [{ index: 0, delta, finish_reason: finish }],
          });
        const sse = [
          `data: ${chunk({ role: "assistant", content: "a".repeat(sseLineMb * MB) }, null)}`,
          "",
          `data: ${chunk({}, "stop")}`,
          "",
          "data: [DONE]",
          "",
        ];
        return Buffer.from(
          vcrpy([
            {
              requestBody: ` ${quoted(JSON.stringify({ messages: [{ content: "Say a lot.", role: "user" }], model: "gpt-4o-mini", stream: true }))}`,
              responseBody:
                `\n      string: |+\n${sse.map((line) => (line === "" ? "\n" : `        ${line}\n`)).join("")}`.replace(
                  /\n$/,
                  "",
                ),
              responseHeaders: { "content-type": "text/event-stream; charset=utf-8" },
            },
          ]),
        );
      },
    },
    {
      path: "cassettes/streams/ndjson-million-lines.httprr",
      what: `an Ollama NDJSON body of ${ndjsonLines.toLocaleString("en-US")} lines`,
      outcome: full
        ? {
            ends: "problem",
            interaction: 0,
            interactions: 1,
            reason: /the stream has 1,000,001 lines, more than the 100,000 read; the rest is not shown/,
          }
        : { ends: "opens", interactions: 1 },
      bytes: () => {
        const line = Buffer.from('{"model":"m","response":"a","done":false}\n');
        const last = Buffer.from('{"model":"m","response":"","done":true,"done_reason":"stop"}\n');
        const body = Buffer.alloc(line.length * ndjsonLines + last.length);
        for (let i = 0; i < ndjsonLines; i++) line.copy(body, i * line.length);
        last.copy(body, line.length * ndjsonLines);
        const url = "http://localhost:11434/api/generate";
        return Buffer.concat([
          Buffer.from(HTTPRR_MAGIC),
          httprrRecord(
            httprrRequest(url, JSON.stringify({ model: "m", prompt: "Say a lot.", stream: true })),
            httprrResponse([["Content-Type", "application/x-ndjson"]], body),
          ),
        ]);
      },
    },
    {
      path: "cassettes/streams/eventstream-bad-crc.yaml",
      what: "a Bedrock eventstream whose third message fails its CRC",
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /eventstream message 2 is corrupt/,
      },
      bytes: () => {
        const messages = converseStream(["One", ", two", ", three."]);
        const third = messages[2];
        const at = (third?.length ?? 0) - 10;
        third?.writeUInt8((third.readUInt8(at) ^ 0xff) & 0xff, at);
        return Buffer.from(bedrockCassette(Buffer.concat(messages)));
      },
    },
    {
      path: "cassettes/streams/eventstream-length-past-end.yaml",
      what: "a Bedrock eventstream whose second message declares 2 GB",
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /eventstream message 1 declares 2147483648 bytes but \d+ remain/,
      },
      bytes: () => {
        const messages = converseStream(["One", ", two", ", three."]);
        messages[1]?.writeUInt32BE(2 ** 31, 0);
        return Buffer.from(bedrockCassette(Buffer.concat(messages)));
      },
    },
    {
      path: "cassettes/httprr/lengths-past-end.httprr",
      what: "an httprr record that declares a 1 GB response in a small file",
      outcome: {
        ends: "failed",
        reason:
          /record 1 of the httprr trace declares a \d+-byte request and a 1073741824-byte response, but only \d+ bytes remain/,
      },
      bytes: () => {
        const request = httprrRequest(CHAT_URL, chatRequest("ping"));
        const response = httprrResponse(
          [["Content-Type", "application/json"]],
          Buffer.from(chatCompletion("chatcmpl-0", "pong")),
        );
        return Buffer.concat([
          Buffer.from(HTTPRR_MAGIC),
          httprrRecord(request, response),
          Buffer.from(`${request.length} ${2 ** 30}\n`),
          request,
          response,
        ]);
      },
    },
  ];
}
