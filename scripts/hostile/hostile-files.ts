import { gzipSync } from "node:zlib";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";

/**
 * Hostile cassettes, built at run time (never committed): YAML alias and merge-key bombs, deep
 * nesting, a huge scalar, a stream of thousands of documents, code tags, decompression bombs (a
 * whole file, a `!!binary` body, Polly base64 chunks, an httprr body), stream bodies that are
 * huge or corrupt, lengths past the end of a trace, 100,000 interactions, a 1 MB URL, invalid
 * UTF-8 and bad base64. Each says how it must end, so tests, `scripts/hostile/make.ts` and the
 * check run share one list.
 */

export type Outcome =
  /** The file is listed as broken with a reason matching `reason`. */
  | { ends: "failed"; reason: RegExp }
  /** The file opens; `interaction` is marked with a problem matching `reason`. */
  | { ends: "problem"; interaction: number; reason: RegExp; interactions: number }
  /** The file opens with this many interactions and no problem. */
  | { ends: "opens"; interactions: number };

export interface HostileFile {
  /** Path in the hostile folder (every file sits under a `cassettes/` folder). */
  path: string;
  /** What it attacks, in a few words. */
  what: string;
  /** How it ends with the default limits. */
  outcome: Outcome;
  bytes(): Buffer;
}

/** `full` is what the issue lists; `small` keeps every attack but shrinks the large-but-honest files (for e2e). */
export type Scale = "full" | "small";

const MB = 1024 * 1024;

// --- vcrpy YAML, as PyYAML writes it (keys sorted, block style) ---------------------------------

interface VcrpyCall {
  method?: string;
  uri?: string;
  /** Lines of the request's `body:` value, already YAML (default: a JSON chat request). */
  requestBody?: string;
  /** The response's `body:` lines (default: a JSON chat completion). */
  responseBody?: string;
  responseHeaders?: Record<string, string>;
  status?: number;
}

const CHAT_URL = "https://api.openai.com/v1/chat/completions";

function chatRequest(question: string): string {
  return JSON.stringify({ messages: [{ content: question, role: "user" }], model: "gpt-4o-mini" });
}

function chatCompletion(id: string, answer: string): string {
  return JSON.stringify({
    id,
    object: "chat.completion",
    created: 1767312600,
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
    usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
  });
}

/** A string PyYAML writes single-quoted (`'` doubled). */
function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function headerLines(headers: Record<string, string>, indent: string): string {
  return Object.entries(headers)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${indent}${name}:\n${indent}- ${quoted(value)}\n`)
    .join("");
}

function vcrpyInteraction(call: VcrpyCall, index = 0): string {
  const requestBody = call.requestBody ?? ` ${quoted(chatRequest(`ping ${index}`))}`;
  const responseBody =
    call.responseBody ?? `\n      string: ${quoted(chatCompletion(`chatcmpl-${index}`, `pong ${index}`))}`;
  return (
    `- request:\n` +
    `    body:${requestBody}\n` +
    `    headers:\n${headerLines({ "content-type": "application/json", host: "api.openai.com" }, "      ")}` +
    `    method: ${call.method ?? "POST"}\n` +
    `    uri: ${call.uri ?? CHAT_URL}\n` +
    `  response:\n` +
    `    body:${responseBody}\n` +
    `    headers:\n${headerLines(call.responseHeaders ?? { "content-type": "application/json" }, "      ")}` +
    `    status:\n      code: ${call.status ?? 200}\n      message: OK\n`
  );
}

function vcrpy(calls: readonly VcrpyCall[]): string {
  return `interactions:\n${calls.map((call, index) => vcrpyInteraction(call, index)).join("")}version: 1\n`;
}

/** A vcrpy cassette whose first request holds `parsed_body:` lines (a YAML mapping, as pydantic-ai writes JSON). */
function vcrpyParsedBody(lines: string): string {
  return (
    `interactions:\n- request:\n    headers:\n${headerLines({ "content-type": "application/json" }, "      ")}` +
    `    method: POST\n    parsed_body:\n${lines}    uri: ${CHAT_URL}\n` +
    `  response:\n    body:\n      string: ${quoted(chatCompletion("chatcmpl-0", "pong"))}\n` +
    `    headers:\n${headerLines({ "content-type": "application/json" }, "      ")}` +
    `    status:\n      code: 200\n      message: OK\nversion: 1\n`
  );
}

/** Base64 wrapped at 76 columns under `indent`, as PyYAML writes `!!binary |`. */
function binaryBlock(bytes: Uint8Array, indent: string): string {
  const base64 = Buffer.from(bytes).toString("base64");
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(`${indent}${base64.slice(at, at + 76)}\n`);
  return ` !!binary |\n${lines.join("")}`.replace(/\n$/, "");
}

// --- bombs and streams ----------------------------------------------------------------------

/**
 * Gzip that expands to `megabytes` of `fill`: one member of 8 MB repeated (gunzip reads the
 * members one after the other), so building it costs one small compression.
 */
export function gzipBomb(megabytes: number, fill = " "): Buffer {
  const member = gzipSync(Buffer.alloc(8 * MB, fill), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil(megabytes / 8) }, () => member));
}

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

/** A Polly HAR (`persister:fs`) with one entry per `entries` item. */
function pollyHar(
  entries: readonly { url: string; content: Record<string, unknown>; responseHeaders?: [string, string][] }[],
): string {
  return JSON.stringify(
    {
      log: {
        _recordingName: "hostile/polly",
        creator: { comment: "persister:fs", name: "Polly.JS", version: "6.0.6" },
        entries: entries.map((entry, index) => ({
          _id: `0f1e2d3c4b5a69788796a5b4c3d2e1f${index}`,
          _order: 0,
          cache: {},
          request: {
            bodySize: 71,
            cookies: [],
            headers: [{ name: "content-type", value: "application/json" }],
            headersSize: 160,
            httpVersion: "HTTP/1.1",
            method: "POST",
            postData: { mimeType: "application/json", params: [], text: chatRequest("ping") },
            queryString: [],
            url: entry.url,
          },
          response: {
            bodySize: 0,
            content: entry.content,
            cookies: [],
            headers: (entry.responseHeaders ?? [["content-type", "application/json"]]).map(
              ([name, value]) => ({ name, value }),
            ),
            headersSize: 120,
            httpVersion: "HTTP/1.1",
            redirectURL: "",
            status: 200,
            statusText: "OK",
          },
          startedDateTime: "2026-01-02T00:17:01.482Z",
          time: 812,
          timings: { blocked: -1, connect: -1, dns: -1, receive: 0, send: 0, ssl: -1, wait: 812 },
        })),
        pages: [],
        version: "1.2",
      },
    },
    null,
    2,
  );
}

/** One httprr record: `<request bytes> <response bytes>\n`, then both raw messages. */
function httprrRecord(request: Buffer, response: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${request.length} ${response.length}\n`), request, response]);
}

function httprrRequest(url: string, body: string): Buffer {
  const host = new URL(url).host;
  return Buffer.from(
    `POST ${url} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: langchaingo-httprr\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n\r\n${body}`,
  );
}

function httprrResponse(headers: [string, string][], body: Buffer): Buffer {
  const lines = [
    `HTTP/1.1 200 OK\r\n`,
    `Content-Length: ${body.length}\r\n`,
    ...headers.map(([name, value]) => `${name}: ${value}\r\n`),
  ];
  return Buffer.concat([Buffer.from(`${lines.join("")}\r\n`), body]);
}

const HTTPRR_MAGIC = "httprr trace v1\n";

// --- the list -------------------------------------------------------------------------------

const text = (value: string) => () => Buffer.from(value, "utf8");

/** Every hostile file the issue lists, at `scale`. */
export function hostileFiles(scale: Scale = "full"): HostileFile[] {
  const full = scale === "full";
  const manyInteractions = full ? 100_000 : 5_000;
  const sseLineMb = full ? 30 : 3;
  const ndjsonLines = full ? 1_000_000 : 50_000;
  const scalarMb = full ? 50 : 5;
  const urlBytes = 1024 * 1024;
  const bombMb = 256;

  return [
    {
      path: "cassettes/yaml/alias-billion-laughs.yaml",
      what: "81 aliases in 10 levels that expand to 3 billion strings",
      outcome: { ends: "failed", reason: /aliases expand .* past the 100\.0 MB limit/ },
      bytes: () => {
        let lines = `      lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
        for (let level = 1; level <= 9; level++) {
          lines += `      lol${level}: &a${level} [${Array(9)
            .fill(`*a${level - 1}`)
            .join(", ")}]\n`;
        }
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/alias-count.yaml",
      what: "5,000 aliases of one string (over the alias budget)",
      outcome: { ends: "failed", reason: /uses 5000 aliases, more than allowed \(1000\)/ },
      bytes: () =>
        Buffer.from(
          vcrpyParsedBody(
            `      model: &m gpt-4o-mini\n      stop: [${Array(5000).fill("*m").join(", ")}]\n`,
          ),
        ),
    },
    {
      path: "cassettes/yaml/merge-keys-bomb.yaml",
      what: "merge keys (`<<: *prev`) that copy a growing mapping level after level",
      outcome: { ends: "failed", reason: /merge keys \(<<\) copy more than 10000 keys/ },
      bytes: () => {
        const keys = Array.from({ length: 100 }, (_, i) => `k${i}: lol`).join(", ");
        let lines = `      m0: &m0 {${keys}}\n`;
        for (let level = 1; level <= 150; level++) {
          lines += `      m${level}: &m${level} {<<: *m${level - 1}, n${level}: *m${level - 1}}\n`;
        }
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/alias-cycle.yaml",
      what: "an anchored mapping that holds an alias of itself",
      outcome: { ends: "failed", reason: /refers to itself/ },
      bytes: text(vcrpyParsedBody(`      messages: &self\n      - role: user\n        content: *self\n`)),
    },
    {
      path: "cassettes/yaml/alias-deep.yaml",
      what: "aliases that nest 200-level lists inside each other (each literal within the depth limit)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep through its aliases/ },
      bytes: () => {
        const wrap = (inner: string) => `${"[".repeat(200)}${inner}${"]".repeat(200)}`;
        let lines = `      l0: &l0 ${wrap("lol")}\n`;
        for (let level = 1; level <= 20; level++)
          lines += `      l${level}: &l${level} ${wrap(`*l${level - 1}`)}\n`;
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/deep-flow-sequences.yaml",
      what: "100,000 levels of `[`",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`)),
    },
    {
      path: "cassettes/yaml/deep-flow-mappings.yaml",
      what: "100,000 levels of `{a: `",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages: ${"{a: ".repeat(100_000)}1${"}".repeat(100_000)}\n`)),
    },
    {
      path: "cassettes/yaml/deep-block-sequences.yaml",
      what: "100,000 levels of block sequences (`- - - ...`)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages:\n      ${"- ".repeat(100_000)}lol\n`)),
    },
    {
      path: "cassettes/yaml/deep-indented-mappings.yaml",
      what: "5,000 levels of indented mappings (100,000 would need 5 GB of indentation)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: () => {
        const parts: string[] = [];
        for (let level = 0; level < 5000; level++) parts.push(`${" ".repeat(6 + level)}a:\n`);
        parts.push(`${" ".repeat(6 + 5000)}lol\n`);
        return Buffer.from(vcrpyParsedBody(parts.join("")));
      },
    },
    {
      path: "cassettes/yaml/scalar-50mb.yaml",
      what: `a ${scalarMb} MB scalar (a response body)`,
      outcome: full
        ? { ends: "failed", reason: /over the 50\.0 MB limit; it is listed but not parsed/ }
        : { ends: "opens", interactions: 1 },
      bytes: () => {
        const line = `{"id":"chatcmpl-0","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"${"a".repeat(scalarMb * MB)}"},"finish_reason":"stop"}]}`;
        return Buffer.from(vcrpy([{ responseBody: `\n      string: ${quoted(line)}` }]));
      },
    },
    {
      path: "cassettes/yaml/document-stream.yaml",
      what: "5,000 `---` documents, each a cassette",
      outcome: { ends: "failed", reason: /holds 5000 documents; a cassette is one/ },
      bytes: () => {
        const one = vcrpy([{}]);
        return Buffer.from(Array.from({ length: 5000 }, () => `---\n${one}`).join(""));
      },
    },
    {
      path: "cassettes/yaml/tag-python-object-apply.yaml",
      what: "`!!python/object/apply:os.system` (would run a shell command in PyYAML's unsafe loader)",
      outcome: {
        ends: "failed",
        reason:
          /uses the tag !!python\/object\/apply:os\.system \(line 3\), which Tapedeck does not construct/,
      },
      bytes: text(
        vcrpy([{ requestBody: ` !!python/object/apply:os.system ['touch /tmp/tapedeck-hostile-pwned']` }]),
      ),
    },
    {
      path: "cassettes/yaml/tag-ruby-object.yml",
      what: "Ruby VCR cassette with `!ruby/object:Net::HTTPOK` (would build an object in Psych's unsafe load)",
      outcome: {
        ends: "failed",
        reason: /uses the tag !ruby\/object:Net::HTTPOK \(line 12\), which Tapedeck does not construct/,
      },
      bytes: text(
        "---\nhttp_interactions:\n- request:\n    method: post\n    uri: https://api.openai.com/v1/chat/completions\n" +
          `    body:\n      encoding: UTF-8\n      string: ${quoted(chatRequest("ping"))}\n    headers:\n      Content-Type:\n      - application/json\n` +
          "  response: !ruby/object:Net::HTTPOK\n    status:\n      code: 200\n      message: OK\n    headers: {}\n" +
          `    body:\n      encoding: UTF-8\n      string: ${quoted(chatCompletion("chatcmpl-0", "pong"))}\n` +
          "  recorded_at: Fri, 02 Jan 2026 00:17:01 GMT\nrecorded_with: VCR 6.3.1\n",
      ),
    },
    {
      path: "cassettes/yaml/tag-js-function.yaml",
      what: "`!!js/function` (js-yaml 3's unsafe schema compiled it)",
      outcome: {
        ends: "failed",
        reason: /uses the tag !!js\/function \(line 3\), which Tapedeck does not construct/,
      },
      bytes: text(
        vcrpy([{ requestBody: ` !!js/function 'function () { globalThis.tapedeckPwned = true }'` }]),
      ),
    },
    {
      path: "cassettes/yaml/invalid-utf8.yaml",
      what: "Latin-1 bytes and a lone continuation byte in a body",
      outcome: { ends: "failed", reason: /not valid UTF-8: byte 0xe9 at line 3, column 15/ },
      bytes: () => {
        const [head = "", tail = ""] = vcrpy([{ requestBody: ` 'caf@@ au lait'` }]).split("@@");
        return Buffer.concat([Buffer.from(head), Buffer.from([0xe9, 0x80]), Buffer.from(tail)]);
      },
    },
    {
      path: "cassettes/gzip/file-bomb.yaml.gz",
      what: `a whole-file gzip that expands to ${bombMb} MB`,
      outcome: { ends: "failed", reason: /gzip file expands past the 100\.0 MB limit/ },
      bytes: () => Buffer.concat([gzipSync("interactions:\n- request:\n"), gzipBomb(bombMb, "#")]),
    },
    {
      path: "cassettes/gzip/binary-body-bomb.yaml",
      what: `a gzip'd \`!!binary\` response body that expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: text(
        vcrpy([
          {
            responseBody: `\n      string:${binaryBlock(gzipBomb(bombMb), "        ")}`,
            responseHeaders: { "content-encoding": "gzip", "content-type": "application/json" },
          },
        ]),
      ),
    },
    {
      path: "cassettes/gzip/many-body-bombs.yaml",
      what: "20 gzip'd bodies of 64 MB each: under the cap one by one, 1.3 GB in all",
      outcome: {
        ends: "problem",
        interaction: 1,
        interactions: 20,
        reason: /bodies of this file expand past the 100\.0 MB limit in all/,
      },
      bytes: () => {
        const body = binaryBlock(gzipBomb(64), "        ");
        const calls = Array.from({ length: 20 }, () => ({
          responseBody: `\n      string:${body}`,
          responseHeaders: { "content-encoding": "gzip", "content-type": "application/json" },
        }));
        return Buffer.from(vcrpy(calls));
      },
    },
    {
      path: "cassettes/gzip/polly-base64-chunks-bomb.har",
      what: `a Polly base64 chunk array whose gzip expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: () => {
        const member = gzipBomb(8);
        const chunks = Array.from({ length: bombMb / 8 }, () => member.toString("base64"));
        return Buffer.from(
          pollyHar([
            {
              url: CHAT_URL,
              content: {
                encoding: "base64",
                mimeType: "application/json",
                size: bombMb * MB,
                text: JSON.stringify(chunks),
              },
              responseHeaders: [
                ["content-encoding", "gzip"],
                ["content-type", "application/json"],
              ],
            },
          ]),
        );
      },
    },
    {
      path: "cassettes/gzip/httprr-body-bomb.httprr",
      what: `an httprr response body, gzip, that expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: () =>
        Buffer.concat([
          Buffer.from(HTTPRR_MAGIC),
          httprrRecord(
            httprrRequest(CHAT_URL, chatRequest("ping")),
            httprrResponse(
              [
                ["Content-Encoding", "gzip"],
                ["Content-Type", "application/json"],
              ],
              gzipBomb(bombMb),
            ),
          ),
        ]),
    },
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
    {
      path: "cassettes/scale/many-interactions.yaml",
      what: `${manyInteractions.toLocaleString("en-US")} small interactions`,
      outcome: { ends: "opens", interactions: manyInteractions },
      bytes: () => {
        // Small ones (about 280 bytes each, flow style for the short maps), so that 100,000 stay
        // under the 50 MB file limit.
        const parts = ["interactions:\n"];
        for (let index = 0; index < manyInteractions; index++) {
          parts.push(
            `- request:\n    body: '{"model":"m","messages":[{"role":"user","content":"${index}"}]}'\n` +
              `    headers: {}\n    method: POST\n    uri: ${CHAT_URL}\n` +
              `  response:\n    body: {string: '{"id":"c${index}","choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}'}\n` +
              `    headers: {}\n    status: {code: 200, message: OK}\n`,
          );
        }
        parts.push("version: 1\n");
        return Buffer.from(parts.join(""));
      },
    },
    {
      path: "cassettes/scale/long-url.yaml",
      what: "interactions whose URL is 1 MB long: a chat call with a long query, a download with a long path",
      outcome: { ends: "opens", interactions: 2 },
      bytes: () => {
        const query = `?q=${"a".repeat(urlBytes - CHAT_URL.length - 3)}`;
        const download = "https://raw.githubusercontent.com/";
        const path = "a/".repeat((urlBytes - download.length) / 2);
        return Buffer.from(
          vcrpy([
            { uri: `${CHAT_URL}${query}` },
            {
              method: "GET",
              uri: `${download}${path}`,
              requestBody: " null",
              responseBody: "\n      string: plain text",
              responseHeaders: { "content-type": "text/plain" },
            },
          ]),
        );
      },
    },
    {
      path: "cassettes/har/invalid-utf8.har",
      what: "a HAR whose `content.text` holds bytes that are not UTF-8",
      outcome: { ends: "failed", reason: /not valid UTF-8: byte 0xff at line \d+/ },
      bytes: () => {
        const har = pollyHar([
          { url: CHAT_URL, content: { mimeType: "application/json", size: 11, text: "caf@@ noir" } },
        ]);
        const [head = "", tail = ""] = har.split("@@");
        return Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]);
      },
    },
    {
      path: "cassettes/har/bad-base64.har",
      what: "a HAR body marked `encoding: base64` that is not base64",
      outcome: { ends: "problem", interaction: 0, interactions: 1, reason: /the base64 body is not base64/ },
      bytes: text(
        pollyHar([
          {
            url: CHAT_URL,
            content: {
              encoding: "base64",
              mimeType: "application/json",
              size: 40,
              text: 'this is not base64! {"choices": []}',
            },
          },
        ]),
      ),
    },
  ];
}
