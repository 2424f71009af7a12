import type { InteractionSummary, RecordingSummary } from "../summary-schema";

/** A decoded llama-stack chat recording's summary, for tests; `overrides` replace any field. */
export function summaryOf(relPath: string, overrides: Partial<RecordingSummary> = {}): RecordingSummary {
  const interaction: InteractionSummary = {
    index: 0,
    family: overrides.family ?? "openai-chat",
    kind: overrides.kind ?? "chat",
    provider: overrides.provider ?? "openai-compatible",
    providerDetail: overrides.providerDetail ?? null,
    model: overrides.model === undefined ? "m" : overrides.model,
    method: "POST",
    endpoint: "/v1/chat/completions",
    host: null,
    status: null,
    streaming: overrides.streaming ?? false,
    chunks: overrides.chunks ?? 0,
    error: overrides.error ?? null,
    toolCalls: 0,
    problem: null,
    prompt: "",
    reply: "",
  };
  return {
    relPath,
    fileName: relPath.slice(relPath.lastIndexOf("/") + 1),
    suite: "inference",
    size: 100,
    mtimeMs: 0,
    broken: null,
    format: "llama-stack",
    interactions: overrides.broken ? [] : [interaction],
    family: "openai-chat",
    kind: "chat",
    provider: "openai-compatible",
    providerDetail: null,
    model: "m",
    endpoint: "/v1/chat/completions",
    testId: null,
    test: null,
    streaming: false,
    chunks: 0,
    error: null,
    toolCalls: 0,
    prompt: "",
    reply: "",
    ...overrides,
  };
}
