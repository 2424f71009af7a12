import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { decodeText } from "@/lib/recording/decode";
import { geminiDecoder } from "./gemini";
import { fixturesIn } from "./fixtures/load-fixture";

const { exchangeOf: decodeFixture, fixtureText } = fixturesIn("gemini");

function message(exchange: Exchange) {
  if (exchange.response.type !== "message") throw new Error(`not a message: ${exchange.response.type}`);
  return exchange.response;
}

const FLASH = "publishers/google/models/gemini-2.0-flash";

describe("geminiDecoder.claims", () => {
  it("claims plain generate_content bodies and streams, not wrapped or SSE bodies", () => {
    const claims = (body: unknown) =>
      geminiDecoder.claims(envelopeSchema.parse({ request: {}, response: { body } }));
    expect(claims({ candidates: [] })).toBe(true);
    expect(claims({ usage_metadata: {} })).toBe(true);
    expect(claims([{ sdk_http_response: {}, candidates: [] }])).toBe(true);
    expect(claims({ __type__: "x.Candidates", __data__: {}, candidates: [] })).toBe(false);
    expect(claims(["event: message_start", "data: {}"])).toBe(false);
    expect(claims({ choices: [] })).toBe(false);
    expect(claims([])).toBe(false);
    expect(claims(null)).toBe(false);
  });
});

describe("gemini generate_content", () => {
  it("decodes a non-stream text answer", () => {
    const exchange = decodeFixture("text.json");
    expect(exchange).toMatchObject({
      family: "gemini",
      kind: "generate-content",
      provider: "gemini",
      providerDetail: "vertexai",
      model: FLASH,
      responseType: null,
      notes: [],
    });
    expect(exchange.testId).toMatch(/^tests\/integration\/inference\/test_openai_completion\.py::/);
    expect(exchange.request).toMatchObject({
      method: "POST",
      url: "vertexai:///generate_content",
      endpoint: "/generate_content",
      host: "vertexai",
      tools: [],
      params: { temperature: 0.2, max_output_tokens: 64 },
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "You are concise." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [{ type: "text", text: "Explain photosynthesis in one sentence." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    const response = message(exchange);
    expect(response).toMatchObject({ streaming: false, chunks: [], model: "gemini-2.0-flash" });
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Photosynthesis turns light, water and CO2 into sugar and oxygen.",
        reasoning: "",
        toolCalls: [],
        finishReason: "STOP",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 14,
      outputTokens: 15,
      totalTokens: 29,
      reasoningTokens: null,
    });
    expect(response.usage?.raw).toMatchObject({ prompt_token_count: 14, traffic_type: "ON_DEMAND" });
  });

  it("reassembles a stream with a thought part", () => {
    const exchange = decodeFixture("stream-thought.json");
    expect(exchange).toMatchObject({
      model: "publishers/google/models/gemini-2.5-flash",
      providerDetail: "vertexai",
    });
    expect(exchange.request).toMatchObject({
      endpoint: "/generate_content_stream",
      params: { thinking_config: { include_thoughts: true, thinking_budget: 256 } },
    });
    const response = message(exchange);
    expect(response.streaming).toBe(true);
    const thought = "**Counting syllables**\nFive, seven, five.";
    const first = "Leaves drift on cold wind,";
    const rest = "\nred and gold on the still pond,\nthe year exhales slow.";
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: first + rest,
        reasoning: thought,
        toolCalls: [],
        finishReason: "STOP",
      },
    ]);
    const usage = { inputTokens: 7, outputTokens: 19, totalTokens: 57, reasoningTokens: 31 };
    expect(response.usage).toMatchObject(usage);
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [
        { type: "role", choice: 0, role: "assistant" },
        { type: "reasoning", choice: 0, text: thought, range: { start: 0, end: thought.length } },
      ],
      [{ type: "text", choice: 0, text: first, range: { start: 0, end: first.length } }],
      [
        {
          type: "text",
          choice: 0,
          text: rest,
          range: { start: first.length, end: first.length + rest.length },
        },
        { type: "finish", choice: 0, reason: "STOP" },
        { type: "usage", usage: expect.objectContaining(usage) },
      ],
    ]);
    expect(response.chunks[1]?.raw).toMatchObject({ response_id: "CVjWabfELumxmPUPrvGr-A4" });
  });

  it("reads several candidates as several choices", () => {
    const response = message(decodeFixture("two-candidates.json"));
    expect(response.choices).toEqual([
      { index: 0, role: "assistant", content: "Miso", reasoning: "", toolCalls: [], finishReason: "STOP" },
      {
        index: 1,
        role: "assistant",
        content: "Pepper",
        reasoning: "",
        toolCalls: [],
        finishReason: "MAX_TOKENS",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 8, outputTokens: 3, totalTokens: 11 });
  });

  it("names the JSON path of a malformed stream chunk", () => {
    const decoded = decodeText(fixtureText("malformed-chunk.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(
      /^schema mismatch at response\.body\[1\]\.candidates\[0\]\.content\.parts\[0\]\.text: /,
    );
  });

  it("names the JSON path of any field of a chunk that does not fit, as the schema states it", () => {
    const file = JSON.parse(fixtureText("stream-thought.json"));
    const reason = (chunk: unknown) => {
      const body = [...file.response.body];
      body[1] = chunk;
      const decoded = decodeText(JSON.stringify({ ...file, response: { ...file.response, body } }));
      return decoded.ok ? null : decoded.reason;
    };
    const part = { text: "Hi" };
    const candidate = (fields: object) => ({
      candidates: [{ content: { role: "model", parts: [part] }, ...fields }],
    });
    expect(reason(candidate({ index: 1.5 }))).toMatch(/at response\.body\[1\]\.candidates\[0\]\.index: /);
    expect(reason(candidate({ finish_reason: 1 }))).toMatch(
      /at response\.body\[1\]\.candidates\[0\]\.finish_reason: /,
    );
    expect(reason({ candidates: [{ content: { parts: [{ text: "x", thought: "yes" }] } }] })).toMatch(
      /at response\.body\[1\]\.candidates\[0\]\.content\.parts\[0\]\.thought: /,
    );
    expect(
      reason({ candidates: [{ content: { parts: [{ function_call: { name: "f", args: [1] } }] } }] }),
    ).toMatch(/at response\.body\[1\]\.candidates\[0\]\.content\.parts\[0\]\.function_call\.args: /);
    expect(reason({ candidates: {} })).toMatch(/at response\.body\[1\]\.candidates: /);
    expect(reason({ prompt_feedback: { block_reason: 3 } })).toMatch(
      /at response\.body\[1\]\.prompt_feedback\.block_reason: /,
    );
    // What fits is read: extra keys are ignored, an unknown part is an event.
    expect(reason({ ...candidate({ index: 0, extra: true }), sdk_http_response: {} })).toBeNull();
    expect(reason({ candidates: [{ content: { parts: [{ executable_code: { code: "1" } }] } }] })).toBeNull();
  });

  it("reads a REST (camelCase) body from a raw HTTP recording", () => {
    const exchange = decodeFixture("rest-camel.json");
    expect(exchange).toMatchObject({
      family: "gemini",
      providerDetail: null,
      model: "gemini-2.0-flash",
      testId:
        "tests/integration/inference/test_gemini_native.py::test_generate_content_rest[gemini-2.0-flash]",
      notes: [],
    });
    expect(exchange.request).toMatchObject({
      host: "generativelanguage.googleapis.com",
      endpoint: "/v1beta/models/gemini-2.0-flash:generateContent",
      params: { generationConfig: { maxOutputTokens: 8 } },
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Be brief." }]],
      ["user", [{ type: "text", text: "Say hi" }]],
    ]);
    const response = message(exchange);
    expect(response.choices).toEqual([
      { index: 0, role: "assistant", content: "Hi!", reasoning: "", toolCalls: [], finishReason: "STOP" },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 6, outputTokens: 2, totalTokens: 8 });
  });
});
