/**
 * The wire APIs of LLM providers, told by URL path: a call to one of these must be decoded by a
 * provider family, never left to the generic or raw-HTTP fallback.
 */

const APIS: readonly { label: string; pattern: RegExp }[] = [
  // `/v1/chat/completions` and every OpenAI-compatible prefix (`/openai/v1`, `/api/v1`, `/compatible-mode/v1`, bare).
  { label: "chat/completions", pattern: /\/chat\/completions$/ },
  { label: "responses", pattern: /\/v1\/responses$/ },
  { label: "embeddings", pattern: /\/v1\/embeddings$/ },
  { label: "messages", pattern: /\/v1\/messages$/ },
  { label: ":generateContent", pattern: /:generateContent$/ },
  { label: ":streamGenerateContent", pattern: /:streamGenerateContent$/ },
  { label: "cohere /v2/chat", pattern: /\/v2\/chat$/ },
  { label: "ollama /api/chat", pattern: /\/api\/chat$/ },
  { label: "ollama /api/generate", pattern: /\/api\/generate$/ },
  {
    label: "bedrock /model/…/converse|invoke",
    pattern: /\/model\/[^/]+\/(?:converse|converse-stream|invoke|invoke-with-response-stream)$/,
  },
];

/**
 * The path of a recorded URL, without query or fragment. Parsed by hand: recorders put
 * placeholders in hosts (`bedrock-runtime.<aws_region>.amazonaws.com`) that `new URL` refuses.
 */
export function urlPath(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const path = match ? match[1] || "/" : (url.split(/[?#]/)[0] ?? url);
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Which provider API a URL path calls, or null for any other call. */
export function providerApi(path: string): string | null {
  return APIS.find(({ pattern }) => pattern.test(path))?.label ?? null;
}

/**
 * A path with its ids folded (`/v1/batches/batch_68a1…` → `/v1/batches/{id}`), so calls that
 * differ only by id count together in the figures. Model names (`llama-3.1-8b-instruct`,
 * `claude-3-5-sonnet-20241022`) stay: their runs of letters and digits are short.
 */
export function pathShape(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      /^\d+$/.test(segment) ||
      (/^[0-9a-f-]{8,}$/i.test(segment) && /\d/.test(segment)) ||
      /(?=(?:[a-z]*\d){2})[a-z0-9]{12,}/i.test(segment)
        ? "{id}"
        : segment,
    )
    .join("/");
}
