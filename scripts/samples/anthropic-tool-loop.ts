import { anthropicStream } from "./provider-streams";
import type { ExpectedInteraction } from "./sample";
import type { YamlValue } from "./yaml-writer";

/**
 * A three-call tool loop against the Anthropic Messages API: the model asks for the weather in
 * one city, then the other, then answers (streamed). Each request carries the whole conversation.
 */

type Json = { [key: string]: YamlValue };

const TOOL = {
  description: "Current weather for a city.",
  input_schema: {
    additionalProperties: false,
    properties: {
      city: { description: "City name, in English.", type: "string" },
      unit: { enum: ["celsius", "fahrenheit"], type: "string" },
    },
    required: ["city"],
    type: "object",
  },
  name: "get_weather",
};

const QUESTION = "Is it warmer in Lisbon or Porto right now? Answer in one sentence.";
const FINAL = "Lisbon is warmer right now: 18 °C and sunny, against 14 °C with light rain in Porto.";

function usage(input: number, output: number): Json {
  return {
    cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    input_tokens: input,
    output_tokens: output,
    service_tier: "standard",
  };
}

function reply(id: string, content: Json[], stop: string, input: number, output: number): Json {
  return {
    content,
    id,
    model: "claude-haiku-4-5-20251001",
    role: "assistant",
    stop_reason: stop,
    stop_sequence: null,
    type: "message",
    usage: usage(input, output),
  };
}

function request(messages: Json[], stream = false): Json {
  return {
    max_tokens: 1024,
    messages,
    model: "claude-haiku-4-5",
    stream,
    tool_choice: { type: "auto" },
    tools: [TOOL],
  };
}

function toolUse(id: string, city: string): Json {
  return { id, input: { city, unit: "celsius" }, name: "get_weather", type: "tool_use" };
}

function toolResult(id: string, content: string): Json {
  return { role: "user", content: [{ content, is_error: false, tool_use_id: id, type: "tool_result" }] };
}

export function anthropicToolLoop(): {
  /** Each call's reply: a JSON body, or the SSE text of a streamed one. */
  calls: { request: Json; response: Json | string }[];
  expected: ExpectedInteraction[];
} {
  const lisbon = toolUse("toolu_01RkWq8sJ3vN5yTz9LmBe2Xc", "Lisbon");
  const porto = toolUse("toolu_01Dp4Gm7Hc2Qx8Vb6Ns3Kt9W", "Porto");
  const preface = { text: "I'll check the weather in both cities.", type: "text" };
  const turns: Json[] = [{ role: "user", content: [{ text: QUESTION, type: "text" }] }];
  const first = reply("msg_01Hq7ZtV3mY9pLxK2cRwA8Nd", [preface, lisbon], "tool_use", 612, 71);
  const calls: { request: Json; response: Json | string }[] = [
    { request: request([...turns]), response: first },
  ];
  turns.push(
    { role: "assistant", content: [preface, lisbon] },
    toolResult(String(lisbon.id), "18 °C, sunny, wind 12 km/h"),
  );
  const second = reply("msg_01Tb3Lw9Xe5Rk2Hn8Qa4Mz6J", [porto], "tool_use", 714, 55);
  calls.push({ request: request([...turns]), response: second });
  turns.push(
    { role: "assistant", content: [porto] },
    toolResult(String(porto.id), "14 °C, light rain, wind 20 km/h"),
  );
  const third = anthropicStream({
    id: "msg_01Wc5Nf2Ja8Ug4Ps7Kd1Vx3E",
    model: "claude-haiku-4-5-20251001",
    thinking: [],
    signature: "",
    pieces: [
      "Lisbon is warmer",
      " right now: 18 °C",
      " and sunny, against",
      " 14 °C with light",
      " rain in Porto.",
    ],
    tokens: { input: 801, output: 32 },
  });
  calls.push({ request: request([...turns], true), response: third });
  const args = (city: string) => JSON.stringify({ city, unit: "celsius" });
  return {
    calls,
    expected: [
      {
        family: "anthropic-messages",
        streaming: false,
        text: String(preface.text),
        toolCalls: [{ name: "get_weather", arguments: args("Lisbon") }],
      },
      {
        family: "anthropic-messages",
        streaming: false,
        text: "",
        toolCalls: [{ name: "get_weather", arguments: args("Porto") }],
      },
      { family: "anthropic-messages", streaming: true, text: FINAL, toolCalls: [] },
    ],
  };
}
