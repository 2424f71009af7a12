import microdiff from "microdiff";
import type { AssembledMessage, AssembledToolCall, ResponseInfo, Usage } from "@/lib/model/exchange";
import { formatPath, type Change, type PathSegment } from "./change";
import { isNoise } from "./noise";

function push(out: Change[], path: PathSegment[], before: unknown, after: unknown): void {
  if (before === after) return;
  const kind = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  out.push({ path: formatPath(path), kind, before, after });
}

/** Deep structural differences between two JSON values (key order never matters), noise left out. */
function valueChanges(out: Change[], base: PathSegment[], before: unknown, after: unknown): void {
  const container = (v: unknown) => typeof v === "object" && v !== null;
  if (!container(before) || !container(after) || Array.isArray(before) !== Array.isArray(after)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) push(out, base, before, after);
    return;
  }
  // Both are objects or both arrays here; microdiff wants exactly that.
  const a: Record<string, unknown> | unknown[] = Array.isArray(before) ? before : { ...before };
  const b: Record<string, unknown> | unknown[] = Array.isArray(after) ? after : { ...after };
  for (const d of microdiff(a, b)) {
    const was = d.type === "CREATE" ? undefined : d.oldValue;
    const now = d.type === "REMOVE" ? undefined : d.value;
    if (isNoise(d.path, was, now)) continue;
    push(out, [...base, ...d.path], was, now);
  }
}

/** Tool calls compare by name and by arguments as JSON values: ids are noise, key order is not a change. */
function toolCallChanges(
  out: Change[],
  base: PathSegment[],
  a: AssembledToolCall[],
  b: AssembledToolCall[],
): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const path = [...base, "tool_calls", i];
    if (!x || !y) {
      push(
        out,
        path,
        x && { name: x.name, arguments: x.arguments },
        y && { name: y.name, arguments: y.arguments },
      );
      continue;
    }
    push(out, [...path, "name"], x.name, y.name);
    if (x.parsedArguments.ok && y.parsedArguments.ok) {
      valueChanges(out, [...path, "arguments"], x.parsedArguments.value, y.parsedArguments.value);
    } else {
      push(out, [...path, "arguments"], x.arguments, y.arguments);
    }
  }
}

function choiceChanges(out: Change[], a: AssembledMessage[], b: AssembledMessage[]): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const base: PathSegment[] = ["choices", i];
    if (!x || !y) {
      push(out, base, x?.content, y?.content);
      continue;
    }
    push(out, [...base, "role"], x.role, y.role);
    push(out, [...base, "content"], x.content, y.content);
    push(out, [...base, "reasoning"], x.reasoning, y.reasoning);
    toolCallChanges(out, base, x.toolCalls, y.toolCalls);
    push(out, [...base, "finish_reason"], x.finishReason, y.finishReason);
  }
}

function usageChanges(out: Change[], a: Usage | null, b: Usage | null): void {
  const fields = ["inputTokens", "outputTokens", "totalTokens", "reasoningTokens"] as const;
  const names = {
    inputTokens: "input_tokens",
    outputTokens: "output_tokens",
    totalTokens: "total_tokens",
    reasoningTokens: "reasoning_tokens",
  };
  for (const field of fields) push(out, ["usage", names[field]], a?.[field] ?? null, b?.[field] ?? null);
}

/**
 * What changed in the reply, in the reader's terms: text, reasoning, tool calls, finish reason,
 * usage and the answering model for messages; the vectors, models, results or errors otherwise.
 */
export function responseChanges(a: ResponseInfo, b: ResponseInfo): Change[] {
  const out: Change[] = [];
  if (a.type !== b.type) {
    push(out, ["type"], a.type, b.type);
    return out;
  }
  switch (a.type) {
    case "message": {
      if (b.type !== "message") break;
      choiceChanges(out, a.choices, b.choices);
      usageChanges(out, a.usage, b.usage);
      push(out, ["model"], a.model, b.model);
      break;
    }
    case "embeddings": {
      if (b.type !== "embeddings") break;
      push(out, ["embeddings", "count"], a.count, b.count);
      push(out, ["embeddings", "dimension"], a.dimension, b.dimension);
      const sameVectors = a.first.length === b.first.length && a.first.every((v, i) => v === b.first[i]);
      const sameNorms =
        a.norms.length === b.norms.length &&
        a.norms.every((v, i) => Math.abs(v - (b.norms[i] ?? NaN)) < 1e-9);
      if (!sameVectors || !sameNorms)
        push(out, ["embeddings", "vectors"], "the recorded vectors", "different vectors");
      usageChanges(out, a.usage, b.usage);
      break;
    }
    case "models": {
      if (b.type !== "models") break;
      const before = a.models.map((m) => m.id);
      const after = b.models.map((m) => m.id);
      for (const id of before) if (!after.includes(id)) push(out, ["models", id], id, undefined);
      for (const id of after) if (!before.includes(id)) push(out, ["models", id], undefined, id);
      break;
    }
    case "result": {
      if (b.type !== "result") break;
      push(out, ["status"], a.status, b.status);
      valueChanges(out, ["result"], a.value, b.value);
      break;
    }
    case "error": {
      if (b.type !== "error") break;
      push(out, ["error", "type"], a.error.type, b.error.type);
      push(out, ["error", "status"], a.error.status, b.error.status);
      push(out, ["error", "message"], a.error.message, b.error.message);
      break;
    }
    case "unknown": {
      if (b.type !== "unknown") break;
      valueChanges(out, ["body"], a.value, b.value);
      break;
    }
  }
  return out;
}
