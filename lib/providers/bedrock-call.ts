import type { HeaderMap } from "@/lib/model/envelope";
import type { RecordedError, Usage } from "@/lib/model/exchange";
import type { EventStreamMessage } from "@/lib/model/http-body";
import { bedrockUsageSchema, errorMessageSchema } from "./bedrock-schemas";
import { errorFromBody } from "./raw-http";
import { urlParts } from "./url-parts";

/**
 * What the Bedrock decoders share: the operation and model a runtime URL names, AWS error
 * replies (HTTP and eventstream), Bedrock's camel-case usage.
 */

export const BEDROCK_OPERATIONS = [
  "converse",
  "converse-stream",
  "invoke",
  "invoke-with-response-stream",
  "count-tokens",
] as const;
export type BedrockOperation = (typeof BEDROCK_OPERATIONS)[number];

export interface BedrockCall {
  operation: BedrockOperation;
  /** URL-decoded: `us.anthropic.claude-3-7-sonnet-20250219-v1:0`, or an ARN. */
  modelId: string;
  /** `bedrock-runtime.us-east-1.amazonaws.com`, or null when the host is not a Bedrock runtime. */
  host: string | null;
  /** The URL path as recorded (still encoded). */
  path: string;
}

const RUNTIME_HOST =
  /^(?:[^/]*\.)?bedrock-runtime(?:-fips)?\.[^./]+\.(?:vpce\.)?amazonaws\.com(?:\.cn)?(?::\d+)?$/i;
// A prefix is allowed: gateways mount the runtime API under a path of their own (`/bedrock/model/...`).
const MODEL_PATH =
  /\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream|count-tokens)\/?$/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The Bedrock runtime call a URL names (`/model/{modelId}/{operation}`), or null. */
export function bedrockCall(url: string): BedrockCall | null {
  const { host, path } = urlParts(url);
  if (path === null) return null;
  const match = MODEL_PATH.exec(path);
  if (!match) return null;
  const [, model = "", operation = ""] = match;
  const known = BEDROCK_OPERATIONS.find((name) => name === operation);
  if (!known) return null;
  return {
    operation: known,
    modelId: decodeSegment(model),
    host: host !== null && RUNTIME_HOST.test(host) ? host : null,
    path,
  };
}

const REDACTED = /^\*+REDACTED\*+$/i;

/** A header's first value, unless the recorder redacted it. */
export function headerText(headers: HeaderMap | undefined, name: string): string | null {
  const value = headers?.[name]?.[0];
  return value === undefined || value === "" || REDACTED.test(value) ? null : value;
}

/** `ValidationException:http://internal.amazon.com/...` or `com.amazon.coral#ValidationException` → `ValidationException`. */
function errorTypeName(value: string): string {
  const hash = value.lastIndexOf("#");
  const name = hash === -1 ? value : value.slice(hash + 1);
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(0, colon);
}

/** An AWS error reply: `{message}` body, type from `x-amzn-errortype` (or the body's `__type`). */
export function bedrockHttpError(
  body: unknown,
  status: number | null,
  headers: HeaderMap | undefined,
): RecordedError {
  const parsed = errorMessageSchema.safeParse(body);
  const headerType = headerText(headers, "x-amzn-errortype");
  const bodyType = parsed.success ? (parsed.data.__type ?? null) : null;
  const fallback = errorFromBody(body, status);
  const type = headerType ?? bodyType;
  const message = parsed.success ? (parsed.data.message ?? parsed.data.Message ?? null) : null;
  return {
    type: type === null ? fallback.type : errorTypeName(type),
    status,
    message: message ?? fallback.message,
    body,
  };
}

function headerString(message: EventStreamMessage, name: string): string | null {
  const value = message.headers[name];
  return value === undefined ? null : String(value);
}

/**
 * The error an eventstream message reports: `:message-type: exception` (type in
 * `:exception-type`, `{message}` payload) or `:message-type: error` (`:error-code`,
 * `:error-message`). Null for an event.
 */
export function eventStreamError(message: EventStreamMessage): RecordedError | null {
  const kind = headerString(message, ":message-type");
  if (kind === "exception") {
    const parsed = errorMessageSchema.safeParse(message.payload);
    const text =
      typeof message.payload === "string"
        ? message.payload
        : parsed.success
          ? (parsed.data.message ?? parsed.data.Message ?? "")
          : "";
    return {
      type: headerString(message, ":exception-type") ?? "exception",
      status: null,
      message: text,
      body: message.payload,
    };
  }
  if (kind === "error") {
    return {
      type: headerString(message, ":error-code") ?? "error",
      status: null,
      message: headerString(message, ":error-message") ?? "",
      body: message.payload,
    };
  }
  return null;
}

/** A short label for an error, for chunk events and notes. */
export function errorLabel(error: RecordedError): string {
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

/** Bedrock's camel-case usage (`inputTokens`, `outputTokens`, `totalTokens`), or null when it counts nothing. */
export function bedrockUsage(raw: unknown): Usage | null {
  const parsed = bedrockUsageSchema.safeParse(raw);
  if (!parsed.success) return null;
  const inputTokens = parsed.data.inputTokens ?? null;
  const outputTokens = parsed.data.outputTokens ?? null;
  let totalTokens = parsed.data.totalTokens ?? null;
  if (inputTokens === null && outputTokens === null && totalTokens === null) return null;
  if (totalTokens === null && inputTokens !== null && outputTokens !== null)
    totalTokens = inputTokens + outputTokens;
  return { inputTokens, outputTokens, totalTokens, reasoningTokens: null, raw };
}

/** Usage from two counts (InvokeModel bodies of vendors that report them in their own names). */
export function countsUsage(
  inputTokens: number | null,
  outputTokens: number | null,
  raw: unknown,
): Usage | null {
  if (inputTokens === null && outputTokens === null) return null;
  const totalTokens = inputTokens !== null && outputTokens !== null ? inputTokens + outputTokens : null;
  return { inputTokens, outputTokens, totalTokens, reasoningTokens: null, raw };
}

/** The token counts InvokeModel replies carry in headers (`x-amzn-bedrock-input-token-count`, ...). */
export function headerUsage(headers: HeaderMap | undefined): Usage | null {
  const number = (name: string): number | null => {
    const text = headerText(headers, name);
    const value = text === null ? NaN : Number(text);
    return Number.isFinite(value) ? value : null;
  };
  const input = number("x-amzn-bedrock-input-token-count");
  const output = number("x-amzn-bedrock-output-token-count");
  return countsUsage(input, output, {
    "x-amzn-bedrock-input-token-count": input,
    "x-amzn-bedrock-output-token-count": output,
  });
}
