import { MessageAssembler } from "@/lib/model/assembler";
import type { Chunk, ChunkDelta, ResponseInfo, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt } from "./decoder";
import { geminiArguments, geminiRole } from "./gemini-request";
import { geminiResponseSchema, type GeminiCandidate, type GeminiResponse } from "./gemini-schemas";

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
        const label = Object.keys(part).find((key) => part[key] !== null && part[key] !== undefined);
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

/**
 * A `generate_content` answer (one plain object) or a `generate_content_stream` (a list of
 * them), rebuilt through the `MessageAssembler`: `thought` parts are reasoning, function calls
 * arrive whole (one tool-call delta each), several candidates are several choices.
 */
export function geminiMessageResponse(body: unknown): { response: ResponseInfo; notes: string[] } {
  const assembly = new GeminiAssembly();
  const streaming = Array.isArray(body);
  const chunks: Chunk[] = [];
  if (Array.isArray(body)) {
    for (let i = 0; i < body.length; i++) {
      const raw: unknown = body[i];
      const parsed = geminiResponseSchema.safeParse(raw);
      // The JSON path is only spelled out when a chunk does not fit.
      const chunk = parsed.success ? parsed.data : parseAt(geminiResponseSchema, raw, `response.body[${i}]`);
      chunks.push({ index: i, deltas: assembly.feed(chunk), raw });
    }
  } else {
    assembly.feed(parseAt(geminiResponseSchema, body, "response.body"));
  }
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (typeof first === "object" && first !== null && ("usageMetadata" in first || "modelVersion" in first)) {
    assembly.notes.push("camelCase (REST) response: only text, thoughts and usage are read");
  }
  return {
    response: {
      type: "message",
      streaming,
      chunks,
      choices: assembly.assembler.result(),
      usage: assembly.usage,
      model: assembly.model,
    },
    notes: [...new Set(assembly.notes)],
  };
}
