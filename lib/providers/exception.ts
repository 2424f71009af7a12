import { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, RecordedError } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { nonEmpty } from "./openai-request";
import { summarizeRequest } from "./request-summary";

/**
 * Recorded exceptions: `response.is_exception` with `exception_data {category, provider, type,
 * message, status_code, body}` and `exception_message`, whatever the call was. The kind, provider,
 * model and conversation come from the request.
 */

const exceptionDataSchema = z.looseObject({
  category: z.string().nullish(),
  provider: z.string().nullish(),
  type: z.string().nullish(),
  message: z.string().nullish(),
  status_code: z.number().int().nullish(),
  body: z.unknown().optional(),
});

/** The recorded error of an exception response. */
export function recordedException(envelope: Envelope): RecordedError {
  const { exception_data: raw, exception_message: exceptionMessage } = envelope.response;
  const data =
    raw === undefined || raw === null ? {} : parseAt(exceptionDataSchema, raw, "response.exception_data");
  return {
    type: nonEmpty(data.type) ?? "Exception",
    status: data.status_code ?? envelope.response.status ?? null,
    message: nonEmpty(data.message) ?? exceptionMessage ?? "",
    body: data.body ?? null,
  };
}

export const exceptionDecoder: Decoder = {
  family: "exception",
  claims(envelope: Envelope): boolean {
    return envelope.response.is_exception === true;
  },
  decode(envelope: Envelope): Exchange {
    const error = recordedException(envelope);
    const summary = summarizeRequest(envelope);
    const notes = [...summary.notes];
    const { body } = envelope.response;
    if (body !== null && body !== undefined)
      notes.push("the exception response also has a body (kept in the raw JSON)");
    return {
      family: "exception",
      kind: summary.kind,
      provider: summary.provider,
      providerDetail: summary.providerDetail,
      model: summary.model,
      testId: summary.testId,
      responseType: null,
      request: summary.request,
      response: { type: "error", error },
      notes,
    };
  },
};
