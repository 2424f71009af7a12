import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/recording/decode";
import { detectSecrets, detectSecretsInText } from "./detect";
import { FAKE, randomText } from "./testing/fake-credentials";

/** A vcrpy cassette of one call, as vcrpy writes it (bodies as JSON strings). */
function vcrpy(options: {
  request: unknown;
  response: unknown;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  uri?: string;
}): string {
  const headers = (map: Record<string, string>) =>
    Object.entries(map)
      .map(([name, value]) => `      ${name}:\n      - ${JSON.stringify(value)}`)
      .join("\n");
  return `interactions:
- request:
    body: ${JSON.stringify(JSON.stringify(options.request))}
    headers:
      content-type:
      - application/json
${headers(options.requestHeaders ?? {})}
    method: POST
    uri: ${options.uri ?? "https://api.openai.com/v1/chat/completions"}
  response:
    body:
      string: ${JSON.stringify(typeof options.response === "string" ? options.response : JSON.stringify(options.response))}
    headers:
      content-type:
      - ${typeof options.response === "string" ? "text/event-stream" : "application/json"}
${headers(options.responseHeaders ?? {})}
    status:
      code: 200
      message: OK
version: 1
`;
}

async function findings(text: string) {
  const decoded = decodeText(text, "tests/cassettes/test_x.yaml");
  if (!decoded.ok) throw new Error(decoded.reason);
  return (await detectSecrets(decoded.file)).map(({ interaction, location, rule, preview }) => ({
    interaction,
    location,
    rule,
    preview,
  }));
}

const chat = (content: string) => ({ model: "gpt-4o", messages: [{ role: "user", content }] });
const reply = (content: string) => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  model: "gpt-4o",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
});

describe("secretlint's rules on decoded bodies", () => {
  it("finds the known formats in a request, with the JSON path", async () => {
    expect(
      await findings(
        vcrpy({ request: chat(`key ${FAKE.openai} and ${FAKE.github}`), response: reply("ok") }),
      ),
    ).toEqual([
      { interaction: 0, location: "request body $.messages[0].content", rule: "openai", preview: "sk-p…aZ" },
      { interaction: 0, location: "request body $.messages[0].content", rule: "github", preview: "ghp_…aU" },
    ]);
  });

  it("finds a key in a reply, and in a streamed reply's event", async () => {
    expect(await findings(vcrpy({ request: chat("hi"), response: reply(`use ${FAKE.anthropic}`) }))).toEqual([
      { interaction: 0, location: "response choice 0 content", rule: "anthropic", preview: "sk-a…AA" },
    ]);
    const event = {
      id: "c",
      object: "chat.completion.chunk",
      model: "gpt-4o",
      choices: [{ index: 0, delta: { content: `token ${FAKE.github}` }, finish_reason: null }],
    };
    const stream = `data: ${JSON.stringify(event)}\n\ndata: [DONE]\n\n`;
    expect(await findings(vcrpy({ request: { ...chat("hi"), stream: true }, response: stream }))).toEqual([
      {
        interaction: 0,
        location: "response chunk 0 $.choices[0].delta.content",
        rule: "github",
        preview: "ghp_…aU",
      },
    ]);
  });

  it("finds an AWS secret access key by its name and a private key", async () => {
    const secretKey = randomText(30, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+");
    const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${randomText(31, 58)}\n${randomText(32, 64)}\n-----END RSA PRIVATE KEY-----`;
    const found = await findings(
      vcrpy({ request: { aws_secret_access_key: secretKey, config: { pem } }, response: reply("ok") }),
    );
    expect(found.map(({ location, rule }) => `${location} ${rule}`)).toEqual([
      "request body $.aws_secret_access_key aws-secret-access-key",
      "request body $.config.pem privatekey",
    ]);
  });

  it("names a credential in a header by its format, found once", async () => {
    expect(
      await findings(
        vcrpy({
          request: chat("hi"),
          response: reply("ok"),
          requestHeaders: { authorization: `Bearer ${FAKE.openai}` },
        }),
      ),
    ).toEqual([
      { interaction: 0, location: "request header authorization", rule: "openai", preview: "sk-p…aZ" },
    ]);
  });
});

describe("lookalikes", () => {
  /** Base64 with an OpenAI-format key inside its decoded text and inside the base64 itself. */
  const lookalike = () => {
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from(randomText(40, 3000)),
      Buffer.from(FAKE.openai),
    ]);
    return `${bytes.toString("base64").slice(0, 2000)}${FAKE.openai}${bytes.toString("base64").slice(2000)}`;
  };

  it("finds nothing in a base64 image, a data URL, b64_json or a base64 embedding", async () => {
    const image = lookalike();
    expect(image).toContain("sk-proj-"); // what a grep would report
    const request = {
      model: "gpt-4o",
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: `data:image/png;base64,${image}` } },
            { type: "input_audio", input_audio: { data: image, format: "wav" } },
          ],
        },
      ],
    };
    const response = {
      object: "list",
      data: [
        { object: "embedding", index: 0, embedding: image },
        { b64_json: image, revised_prompt: "a cat" },
      ],
      model: "text-embedding-3-small",
    };
    expect(await findings(vcrpy({ request, response }))).toEqual([]);
  });

  it("finds nothing in numbers (embeddings as floats) or ids that merely look random", async () => {
    const response = {
      object: "list",
      data: [{ embedding: [0.1, -0.2, 0.3] }],
      id: `resp_${randomText(41, 48)}`,
    };
    expect(await findings(vcrpy({ request: { input: "hi" }, response }))).toEqual([]);
  });

  it("finds nothing inside a $binary body or an eventstream's bytes", async () => {
    const har = JSON.stringify({
      log: {
        version: "1.2",
        creator: { name: "Polly.JS", version: "6.0.6" },
        entries: [
          {
            request: {
              method: "POST",
              url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke",
              headers: [{ name: "content-type", value: "application/json" }],
              postData: { mimeType: "application/json", text: '{"prompt":"hi"}' },
              queryString: [],
            },
            response: {
              status: 200,
              statusText: "OK",
              headers: [{ name: "content-type", value: "image/png" }],
              content: { mimeType: "image/png", size: 10, text: lookalike(), encoding: "base64" },
            },
            startedDateTime: "2024-01-01T00:00:00.000Z",
            time: 1,
          },
        ],
      },
    });
    const decoded = decodeText(har, "recording.har");
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(await detectSecrets(decoded.file)).toEqual([]);
  });
});

describe("secretlint's profiler", () => {
  it("leaves no mark on the performance timeline, run after run", async () => {
    for (let i = 0; i < 3; i++)
      await findings(vcrpy({ request: chat(`key ${FAKE.github}`), response: reply("ok") }));
    expect(performance.getEntriesByType("mark").filter((mark) => mark.name.startsWith("@core>"))).toEqual([]);
  });
});

describe("a file that does not decode", () => {
  it("is scanned line by line for the known formats", async () => {
    const found = await detectSecretsInText(
      `interactions:\n- request: [unclosed\n  headers: {x: "${FAKE.github}"}\n`,
    );
    expect(found.map(({ location, rule, preview }) => ({ location, rule, preview }))).toEqual([
      { location: "line 3", rule: "github", preview: "ghp_…aU" },
    ]);
  });
});
