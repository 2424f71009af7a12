import type { Exchange } from "@/lib/model/exchange";
import { isStreaming } from "@/lib/recording/exchange-json";
import type { ReadRecording } from "@/lib/sources/read-file";
import type { RecordingSummary } from "./summary-schema";
import { parseTestId } from "./test-id";
import { suiteOf } from "./suite";

const EXCERPT = 240;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

function lastUserText(exchange: Exchange): string {
  const messages = exchange.request.messages;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== "user") continue;
    const text = message.parts
      .map((part) => (part.type === "text" ? part.text : part.type === "image" ? "[image]" : ""))
      .join(" ");
    if (text.trim()) return text;
  }
  return "";
}

function replyText(exchange: Exchange): string {
  const response = exchange.response;
  switch (response.type) {
    case "message": {
      const first = response.choices[0];
      if (!first) return "";
      if (first.content) return first.content;
      if (first.toolCalls.length > 0) {
        return first.toolCalls.map((call) => `${call.name ?? "?"}(${call.arguments})`).join(" ");
      }
      return first.reasoning;
    }
    case "embeddings":
      return `${response.count} × ${response.dimension} embeddings`;
    case "models":
      return response.models.map((model) => model.id).join(", ");
    case "result":
      return response.text ?? "";
    case "error":
      return `${response.error.type}: ${response.error.message}`;
    case "unknown":
      return "";
  }
}

export function summarize(relPath: string, read: ReadRecording, mtimeMs: number): RecordingSummary {
  const fileName = relPath.slice(relPath.lastIndexOf("/") + 1);
  const base = { relPath, fileName, suite: suiteOf(relPath), size: read.size, mtimeMs };
  const { decoded } = read;
  if (!decoded.ok) {
    return {
      ...base,
      broken: { kind: decoded.kind, reason: decoded.reason },
      family: null,
      kind: null,
      provider: null,
      providerDetail: null,
      model: null,
      endpoint: null,
      testId: null,
      test: null,
      streaming: false,
      chunks: 0,
      error: null,
      toolCalls: 0,
      prompt: "",
      reply: "",
    };
  }
  const exchange = decoded.exchange;
  const response = exchange.response;
  return {
    ...base,
    broken: null,
    family: exchange.family,
    kind: exchange.kind,
    provider: exchange.provider,
    providerDetail: exchange.providerDetail,
    model: exchange.model,
    endpoint: exchange.request.endpoint,
    testId: exchange.testId,
    test: exchange.testId ? parseTestId(exchange.testId, exchange.model) : null,
    streaming: isStreaming(exchange),
    chunks: response.type === "message" ? response.chunks.length : 0,
    error: response.type === "error" ? excerpt(`${response.error.type}: ${response.error.message}`) : null,
    toolCalls: response.type === "message" ? response.choices.reduce((n, c) => n + c.toolCalls.length, 0) : 0,
    prompt: excerpt(lastUserText(exchange)),
    reply: excerpt(replyText(exchange)),
  };
}
