/**
 * Writers of small cassettes as each recorder lays them out (vcrpy YAML, Polly HAR, httprr
 * traces), which the hostile files fill with their attacks.
 */

export const MB = 1024 * 1024;

/** A file of this text, written when asked for. */
export const text = (value: string) => () => Buffer.from(value, "utf8");

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

export const CHAT_URL = "https://api.openai.com/v1/chat/completions";

export function chatRequest(question: string): string {
  return JSON.stringify({ messages: [{ content: question, role: "user" }], model: "gpt-4o-mini" });
}

export function chatCompletion(id: string, answer: string): string {
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
export function quoted(text: string): string {
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

export function vcrpy(calls: readonly VcrpyCall[]): string {
  return `interactions:\n${calls.map((call, index) => vcrpyInteraction(call, index)).join("")}version: 1\n`;
}

/** A vcrpy cassette whose first request holds `parsed_body:` lines (a YAML mapping, as pydantic-ai writes JSON). */
export function vcrpyParsedBody(lines: string): string {
  return (
    `interactions:\n- request:\n    headers:\n${headerLines({ "content-type": "application/json" }, "      ")}` +
    `    method: POST\n    parsed_body:\n${lines}    uri: ${CHAT_URL}\n` +
    `  response:\n    body:\n      string: ${quoted(chatCompletion("chatcmpl-0", "pong"))}\n` +
    `    headers:\n${headerLines({ "content-type": "application/json" }, "      ")}` +
    `    status:\n      code: 200\n      message: OK\nversion: 1\n`
  );
}

/** Base64 wrapped at 76 columns under `indent`, as PyYAML writes `!!binary |`. */
export function binaryBlock(bytes: Uint8Array, indent: string): string {
  const base64 = Buffer.from(bytes).toString("base64");
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(`${indent}${base64.slice(at, at + 76)}\n`);
  return ` !!binary |\n${lines.join("")}`.replace(/\n$/, "");
}

// --- Polly HAR and httprr ------------------------------------------------------------------

/** A Polly HAR (`persister:fs`) with one entry per `entries` item. */
export function pollyHar(
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
export function httprrRecord(request: Buffer, response: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${request.length} ${response.length}\n`), request, response]);
}

export function httprrRequest(url: string, body: string): Buffer {
  const host = new URL(url).host;
  return Buffer.from(
    `POST ${url} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: langchaingo-httprr\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n\r\n${body}`,
  );
}

export function httprrResponse(headers: [string, string][], body: Buffer): Buffer {
  const lines = [
    `HTTP/1.1 200 OK\r\n`,
    `Content-Length: ${body.length}\r\n`,
    ...headers.map(([name, value]) => `${name}: ${value}\r\n`),
  ];
  return Buffer.concat([Buffer.from(`${lines.join("")}\r\n`), body]);
}

export const HTTPRR_MAGIC = "httprr trace v1\n";
