import { MessageAssembler } from "@/lib/model/assembler";
import type { Chunk, ChunkDelta, RecordedError, ResponseInfo, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt } from "./decoder";
import { isRecord, MISFIT, optInt, optList, optRecord, optString, readWith, record } from "./fast-read";
import { geminiArguments, geminiRole } from "./gemini-request";
import {
  geminiResponseSchema,
  geminiRestResponseSchema,
  type GeminiCandidate,
  type GeminiFunctionCall,
  type GeminiResponse,
} from "./gemini-schemas";
import { errorBodyValue, httpError } from "./http-error";
import { sseBodyEvents, sseBodyJson } from "./sse-body";

const COUNT_KEYS = new Set([
  "total_token_count",
  "prompt_token_count",
  "candidates_token_count",
  "thoughts_token_count",
  "totalTokenCount",
  "promptTokenCount",
  "candidatesTokenCount",
  "thoughtsTokenCount",
]);

/** Stream chunks mostly carry `usage_metadata: {traffic_type}`; only read ones with counts. */
function usageWithCounts(raw: unknown): Usage | null {
  if (typeof raw !== "object" || raw === null) return null;
  for (const key in raw) if (COUNT_KEYS.has(key)) return usageFrom(raw);
  return null;
}

const SIGNATURE_KEYS = new Set(["thought_signature", "thoughtSignature"]);

/** Per-candidate state kept across stream chunks. */
interface CandidateState {
  role: string | null;
  /** Function calls seen so far: the next call's tool index. */
  toolCalls: number;
}

class GeminiAssembly {
  readonly assembler = new MessageAssembler("assistant");
  private readonly candidates = new Map<number, CandidateState>();
  usage: Usage | null = null;
  model: string | null = null;
  readonly notes: string[] = [];

  private state(choice: number): CandidateState {
    let state = this.candidates.get(choice);
    if (!state) {
      state = { role: null, toolCalls: 0 };
      this.candidates.set(choice, state);
      this.assembler.touch(choice);
    }
    return state;
  }

  private candidate(candidate: GeminiCandidate, position: number, deltas: ChunkDelta[]): void {
    const choice = candidate.index ?? position;
    const state = this.state(choice);
    const content = candidate.content;
    if (content?.role) {
      const role = geminiRole(content.role, "assistant");
      if (role !== state.role) {
        state.role = role;
        deltas.push(this.assembler.role(choice, role));
      }
    }
    for (const part of content?.parts ?? []) {
      const call = part.function_call;
      if (typeof part.text === "string") {
        if (part.text === "") continue;
        deltas.push(
          part.thought ? this.assembler.reasoning(choice, part.text) : this.assembler.text(choice, part.text),
        );
      } else if (call) {
        deltas.push(
          this.assembler.toolCall(choice, state.toolCalls++, {
            id: call.id ?? null,
            name: call.name ?? null,
            arguments: geminiArguments(call),
          }),
        );
      } else {
        // A thought signature rides along with the part it signs; the part's kind is its other key.
        const label = Object.keys(part).find(
          (key) => !SIGNATURE_KEYS.has(key) && part[key] !== null && part[key] !== undefined,
        );
        deltas.push({ type: "event", label: `${label ?? "empty"} part` });
      }
    }
    const chosen = candidate.logprobs_result?.chosen_candidates;
    if (chosen) deltas.push({ type: "logprobs", choice, count: chosen.length });
    const finish = candidate.finish_reason;
    if (finish) deltas.push(this.assembler.finish(choice, finish));
  }

  /** Feeds one response (or stream chunk) and returns what it added. */
  feed(response: GeminiResponse): ChunkDelta[] {
    const deltas: ChunkDelta[] = [];
    this.model ??= response.model_version ?? response.modelVersion ?? null;
    const candidates = response.candidates ?? [];
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i];
      if (candidate) this.candidate(candidate, i, deltas);
    }
    const blockReason = response.prompt_feedback?.block_reason;
    if (blockReason) {
      deltas.push({ type: "event", label: `prompt blocked: ${blockReason}` });
      this.notes.push(`the prompt was blocked: ${blockReason}`);
    }
    const usage = usageWithCounts(response.usage_metadata ?? response.usageMetadata);
    if (usage) {
      this.usage = usage;
      deltas.push({ type: "usage", usage });
    }
    return deltas;
  }
}

type ResponsePart = NonNullable<NonNullable<GeminiCandidate["content"]>["parts"]>[number];

function readFunctionCall(value: unknown): GeminiFunctionCall | null {
  const call = optRecord(value);
  if (!call) return null;
  const { args } = call;
  if (args !== undefined && args !== null && !isRecord(args)) throw MISFIT;
  return { id: optString(call.id), name: optString(call.name), args };
}

/** A part: its other keys are kept (an unknown part is shown by its kind), as `looseObject` does. */
function readPart(value: unknown): ResponsePart {
  const part = record(value);
  optString(part.text);
  if (part.thought !== undefined && part.thought !== null && typeof part.thought !== "boolean") throw MISFIT;
  if (part.function_call === undefined) return part;
  return { ...part, function_call: readFunctionCall(part.function_call) };
}

function readCandidate(value: unknown): GeminiCandidate {
  const candidate = record(value);
  const content = optRecord(candidate.content);
  const logprobs = optRecord(candidate.logprobs_result);
  return {
    index: optInt(candidate.index),
    content: content && { role: optString(content.role), parts: optList(content.parts)?.map(readPart) },
    finish_reason: optString(candidate.finish_reason),
    logprobs_result: logprobs && { chosen_candidates: optList(logprobs.chosen_candidates) },
  };
}

/**
 * Reads the fields of `geminiResponseSchema` (the SDK's snake_case) by hand: a stream has a chunk
 * for every few words, and zod copies every object it checks. A misfit is named by zod.
 */
function readResponse(value: unknown): GeminiResponse {
  const response = record(value);
  const feedback = optRecord(response.prompt_feedback);
  return {
    candidates: optList(response.candidates)?.map(readCandidate),
    usage_metadata: response.usage_metadata,
    usageMetadata: response.usageMetadata,
    model_version: optString(response.model_version),
    modelVersion: optString(response.modelVersion),
    prompt_feedback: feedback && { block_reason: optString(feedback.block_reason) },
  };
}

/** Parses one response or chunk in the form the call speaks (SDK snake_case or REST camelCase). */
function parseResponse(raw: unknown, rest: boolean, path: string): GeminiResponse {
  if (!rest) return readWith(readResponse, geminiResponseSchema, raw, path);
  const parsed = geminiRestResponseSchema.safeParse(raw);
  // The JSON path is only spelled out when a chunk does not fit.
  return parsed.success ? parsed.data : parseAt(geminiRestResponseSchema, raw, path);
}

/** An `{error: {code, message, status}}` object (a REST error, also sent as a stream's last event). */
function errorObject(raw: unknown): boolean {
  return isRecord(raw) && isRecord(raw.error) && !("candidates" in raw);
}

/** The error a REST error body describes, named by its `status` (`INVALID_ARGUMENT`) when it has one. */
export function geminiError(body: unknown, status: number | null): RecordedError {
  const error = httpError(body, status);
  const value = errorBodyValue(body);
  const inner = isRecord(value) && isRecord(value.error) ? value.error : null;
  return typeof inner?.status === "string" && inner.status !== "" ? { ...error, type: inner.status } : error;
}

interface StreamPiece {
  raw: unknown;
  path: string;
}

/** The chunks of a stream body: a list (SDK dump, REST JSON array) or SSE text (`?alt=sse`). */
function streamPieces(body: readonly unknown[] | string): StreamPiece[] {
  if (typeof body !== "string") return body.map((raw, i) => ({ raw, path: `response.body[${i}]` }));
  return sseBodyEvents(body, "response.body").map((event) => ({ raw: sseBodyJson(event), path: event.at }));
}

/**
 * A `generate_content` answer (one object), or a stream: a list of them (SDK dump, REST
 * `:streamGenerateContent` JSON array) or SSE text (`?alt=sse`). `rest` says the bodies are the
 * REST API's camelCase. Rebuilt through the `MessageAssembler`: `thought` parts are reasoning,
 * function calls arrive whole (one tool-call delta each), several candidates are several choices.
 * A stream that is only an error event is that error.
 */
export function geminiMessageResponse(
  body: unknown,
  rest: boolean,
): { response: ResponseInfo; notes: string[] } {
  const assembly = new GeminiAssembly();
  const streaming = Array.isArray(body) || typeof body === "string";
  const chunks: Chunk[] = [];
  let error: RecordedError | null = null;
  if (Array.isArray(body) || typeof body === "string") {
    for (const { raw, path } of streamPieces(body)) {
      if (errorObject(raw)) {
        error = geminiError(raw, null);
        const label = `error: ${error.type}${error.message ? `: ${error.message}` : ""}`;
        assembly.notes.push(`the stream carries an error event (${error.type}: ${error.message})`);
        chunks.push({ index: chunks.length, deltas: [{ type: "event", label }], raw });
        continue;
      }
      chunks.push({ index: chunks.length, deltas: assembly.feed(parseResponse(raw, rest, path)), raw });
    }
  } else if (errorObject(body)) {
    return { response: { type: "error", error: geminiError(body, null) }, notes: [] };
  } else {
    assembly.feed(parseResponse(body, rest, "response.body"));
  }
  const choices = assembly.assembler.result();
  const empty = choices.every(
    (choice) => choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0,
  );
  if (error && empty) return { response: { type: "error", error }, notes: [] };
  return {
    response: {
      type: "message",
      streaming,
      chunks,
      choices,
      usage: assembly.usage,
      model: assembly.model,
    },
    notes: [...new Set(assembly.notes)],
  };
}
