import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { FAKE } from "./fake-credentials";

const APP = join(import.meta.dirname, "..", "..", "..");
const FIXTURES = join(APP, "lib", "containers", "fixtures");

/** One credential planted: where it went and what the scanner must say. */
export interface Planted {
  /** The file's path under the planted folder. */
  path: string;
  value: string;
  interaction: number | null;
  location: string;
  rule: string;
}

interface Plant {
  from: string;
  to: string;
  edit: (text: string) => string;
  planted: Omit<Planted, "path">[];
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0) throw new Error(`plant: "${search.slice(0, 40)}" is not in the fixture`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

const SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

export const PLANTS: Plant[] = [
  {
    from: join(FIXTURES, "vcrpy", "openai-chat.yaml"),
    to: "vcrpy/openai-chat.yaml",
    edit: (text) =>
      replaceOnce(
        replaceOnce(
          text,
          "      host:\n      - api.openai.com\n    method: POST",
          `      authorization:\n      - Bearer ${FAKE.openai}\n      host:\n      - api.openai.com\n    method: POST`,
        ),
        "      - __cf_bm=abc; path=/",
        `      - sessionid=${FAKE.session}; path=/; HttpOnly`,
      ),
    planted: [
      { value: FAKE.openai, interaction: 0, location: "request header authorization", rule: "openai" },
      {
        value: FAKE.session,
        interaction: 0,
        location: "response header set-cookie (sessionid)",
        rule: "session-cookie",
      },
    ],
  },
  {
    from: join(FIXTURES, "go-vcr", "bad-api-key.yaml"),
    to: "go-vcr/bad-api-key.yaml",
    edit: (text) =>
      replaceOnce(
        text,
        "url: https://api.openai.com/v1/models",
        `url: https://generativelanguage.googleapis.com/v1beta/models?pageSize=5&key=${FAKE.gemini}`,
      ),
    planted: [
      { value: FAKE.gemini, interaction: 0, location: "request url query key", rule: "credential-query" },
    ],
  },
  {
    from: join(FIXTURES, "go-vcr", "anthropic-stream.yaml"),
    to: "go-vcr/anthropic-stream.yaml",
    edit: (text) =>
      replaceOnce(
        text,
        "url: https://api.anthropic.com/v1/messages",
        `url: https://proxy-user:${FAKE.password}@api.anthropic.com/v1/messages`,
      ),
    planted: [
      { value: FAKE.password, interaction: 0, location: "request url userinfo", rule: "url-basic-auth" },
    ],
  },
  {
    from: join(FIXTURES, "har", "bedrock-eventstream.har"),
    to: "har/bedrock-eventstream.har",
    edit: (text) =>
      replaceOnce(
        text,
        '"headers": [',
        `"headers": [
            {
              "name": "authorization",
              "value": "AWS4-HMAC-SHA256 Credential=${FAKE.awsKeyId}/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}"
            },
            {
              "name": "x-amz-security-token",
              "value": "${FAKE.awsSessionToken}"
            },`,
      ),
    planted: [
      {
        value: FAKE.awsKeyId,
        interaction: 0,
        location: "request header authorization",
        rule: "aws-sigv4-credential",
      },
      {
        value: FAKE.awsSessionToken,
        interaction: 0,
        location: "request header x-amz-security-token",
        rule: "credential-header",
      },
    ],
  },
  {
    from: join(
      FIXTURES,
      "ruby-vcr",
      "chat_streaming_responses_anthropic_claude-haiku-4-5_supports_streaming_responses.yml",
    ),
    to: "ruby-vcr/anthropic-stream.yml",
    edit: (text) => replaceOnce(text, '      - "<ANTHROPIC_API_KEY>"', `      - "${FAKE.anthropic}"`),
    planted: [
      { value: FAKE.anthropic, interaction: 0, location: "request header x-api-key", rule: "anthropic" },
    ],
  },
  {
    from: join(FIXTURES, "httprr", "TestClient_CreateMessage.httprr"),
    to: "httprr/TestClient_CreateMessage.httprr",
    // The same length as the placeholder: httprr counts each message's bytes.
    edit: (text) => replaceOnce(text, "X-Api-Key: test-api-key", `X-Api-Key: ${FAKE.opaque}`),
    planted: [
      { value: FAKE.opaque, interaction: 0, location: "request header x-api-key", rule: "credential-header" },
    ],
  },
  {
    from: join(FIXTURES, "langchain", "test_agent_loop[v0].yaml"),
    to: "langchain/test_agent_loop[v0].yaml",
    edit: (text) =>
      replaceOnce(
        text,
        "    authorization:\n    - '**REDACTED**'",
        `    authorization:\n    - 'AWS4-HMAC-SHA256 Credential=${FAKE.awsTemporaryKeyId}/20260101/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=${SIGNATURE}'`,
      ),
    planted: [
      {
        value: FAKE.awsTemporaryKeyId,
        interaction: 0,
        location: "request header authorization",
        rule: "aws-sigv4-credential",
      },
    ],
  },
  {
    from: join(
      APP,
      "recordings/tests/integration/inference/recordings/b619d5c76b48d650bc459e8932f846233155c2dec1c703fe4bcc695f023b648f.json",
    ),
    to: "recordings/b619d5c76b48d650bc459e8932f846233155c2dec1c703fe4bcc695f023b648f.json",
    edit: (text) => {
      const recording: unknown = JSON.parse(text);
      if (!isRecord(recording) || !isRecord(recording.request) || !isRecord(recording.request.body)) {
        throw new Error("plant: not a llama-stack inference recording");
      }
      const body = recording.request.body;
      body.api_key = FAKE.fieldKey;
      const messages = Array.isArray(body.messages) ? body.messages : [];
      messages.push({ role: "user", content: `Use my token ${FAKE.github} to read the repository.` });
      body.messages = messages;
      return `${JSON.stringify(recording, null, 2)}\n`;
    },
    // The recording holds one message; the planted one is the second.
    planted: [
      {
        value: FAKE.fieldKey,
        interaction: null,
        location: "$.request.body.api_key",
        rule: "credential-field",
      },
      {
        value: FAKE.github,
        interaction: null,
        location: "$.request.body.messages[1].content",
        rule: "github",
      },
    ],
  },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Writes the planted copies under `dir`; returns every credential planted, with where. */
export async function plantCredentials(dir: string): Promise<Planted[]> {
  const planted: Planted[] = [];
  for (const plant of PLANTS) {
    const text = await readFile(plant.from, "utf8");
    const path = join(dir, plant.to);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, plant.edit(text));
    for (const item of plant.planted) planted.push({ path: plant.to, ...item });
  }
  return planted;
}
