import { z } from "zod";
import {
  isWrapped,
  wrappedSchema,
  toolRequestSchema,
  typeClassName,
  type Envelope,
} from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { summarizeRequest, toolRequestSummary } from "./request-summary";

/**
 * Tool runtime invocations: request `{provider, tool_name, kwargs}`, response a wrapped
 * `ToolInvocationResult` under any module path (`llama_stack.apis.tools.tools`,
 * `llama_stack_api.tools`, `ogx_api.tools`).
 */

const contentItemSchema = z.looseObject({ type: z.string().optional(), text: z.string().optional() });

const resultSchema = z.looseObject({
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  error_message: z.string().nullish(),
  error_code: z.union([z.number(), z.string()]).nullish(),
  metadata: z.unknown().optional(),
});

/** Text of `content`: a string, or a list of content items (text items joined, others named). */
export function toolContentText(content: string | unknown[] | null | undefined): string | null {
  if (content === null || content === undefined) return null;
  if (typeof content === "string") return content;
  const pieces = content.map((item) => {
    if (typeof item === "string") return item;
    const parsed = contentItemSchema.safeParse(item);
    if (parsed.success && parsed.data.text !== undefined) return parsed.data.text;
    return `[${parsed.success ? (parsed.data.type ?? "item") : "item"}]`;
  });
  return pieces.join("\n");
}

export const toolInvocationDecoder: Decoder = {
  family: "tool-invocation",
  claims(envelope: Envelope): boolean {
    const body = envelope.response.body;
    return isWrapped(body) && typeClassName(body.__type__) === "ToolInvocationResult";
  },
  decode(envelope: Envelope): Exchange {
    const body = parseAt(wrappedSchema, envelope.response.body, "response.body");
    const result = parseAt(resultSchema, body.__data__, "response.body.__data__");
    const tool = toolRequestSchema.safeParse(envelope.request);
    const summary = tool.success ? toolRequestSummary(envelope, tool.data) : summarizeRequest(envelope);
    const notes = [...summary.notes];
    let text = toolContentText(result.content);
    if (result.error_message) {
      const code =
        result.error_code === null || result.error_code === undefined ? "" : ` (code ${result.error_code})`;
      notes.push(`the tool reported an error: ${result.error_message}${code}`);
      text = [text, `error: ${result.error_message}${code}`].filter((piece) => piece).join("\n\n");
    }
    return {
      family: "tool-invocation",
      kind: "tool-invocation",
      provider: "tool-runtime",
      providerDetail: summary.providerDetail,
      model: null,
      testId: summary.testId,
      responseType: body.__type__,
      request: summary.request,
      response: {
        type: "result",
        streaming: envelope.response.is_streaming ?? false,
        status: envelope.response.status ?? null,
        text,
        value: body.__data__,
      },
      notes,
    };
  },
};
