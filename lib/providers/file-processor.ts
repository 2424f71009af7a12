import { z } from "zod";
import {
  fileProcessorRequestSchema,
  isWrapped,
  wrappedSchema,
  typeClassName,
  type Envelope,
} from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { fileRequestSummary, summarizeRequest } from "./request-summary";

/**
 * File processors (`pypdf`, ...): request `{provider, api: "file_processors", file_id}`, response a
 * wrapped `ProcessFileResponse` `{chunks: [{content, chunk_id, metadata}], metadata}`.
 */

const processFileSchema = z.looseObject({
  chunks: z.array(z.looseObject({ content: z.string() })),
  metadata: z.unknown().optional(),
});

export const fileProcessorDecoder: Decoder = {
  family: "file-processor",
  claims(envelope: Envelope): boolean {
    const body = envelope.response.body;
    return isWrapped(body) && typeClassName(body.__type__) === "ProcessFileResponse";
  },
  decode(envelope: Envelope): Exchange {
    const body = parseAt(wrappedSchema, envelope.response.body, "response.body");
    const data = parseAt(processFileSchema, body.__data__, "response.body.__data__");
    const file = fileProcessorRequestSchema.safeParse(envelope.request);
    const summary = file.success ? fileRequestSummary(envelope, file.data) : summarizeRequest(envelope);
    return {
      family: "file-processor",
      kind: "file-processing",
      provider: "file-processor",
      providerDetail: summary.providerDetail,
      model: null,
      testId: summary.testId,
      responseType: body.__type__,
      request: summary.request,
      response: {
        type: "result",
        streaming: envelope.response.is_streaming ?? false,
        status: envelope.response.status ?? null,
        text: data.chunks.map((chunk) => chunk.content).join("\n\n"),
        value: body.__data__,
      },
      notes: [...summary.notes],
    };
  },
};
