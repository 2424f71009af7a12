import { isBinaryBody, isEventStreamBody } from "@/lib/model/http-body";
import { isRecord } from "./fast-read";

/**
 * Why no provider decoded an HTTP call, said as a reader would: what the call is (a file
 * download, telemetry, an OAuth token exchange, an API of an LLM vendor that Tapedeck does not
 * decode) and what its body holds. Judged by host and path, then by the bodies.
 */

interface Service {
  host: RegExp;
  path?: RegExp;
  /** What the call is, after "not an LLM API call". */
  what: string;
}

/** Services that are not LLM APIs, by host (and path where the host serves more). */
const NOT_LLM: readonly Service[] = [
  { host: /(^|\.)traceloop\.(dev|com)$/, what: "Traceloop telemetry" },
  { host: /(^|\.)logfire[a-z-]*\.pydantic\.dev$/, what: "Logfire telemetry" },
  { host: /./, path: /^\/v1\/(traces|metrics|logs)$/, what: "OpenTelemetry export" },
  { host: /^oauth2\.googleapis\.com$/, what: "an OAuth token exchange" },
  { host: /^login\.microsoftonline\.com$/, what: "an OAuth token exchange" },
  { host: /./, path: /\/oauth2?\/token$/, what: "an OAuth token exchange" },
  { host: /(^|\.)pinecone\.io$/, what: "the Pinecone vector store" },
  { host: /(^|\.)(qdrant\.io|weaviate\.network|trychroma\.com)$/, what: "a vector store" },
  { host: /(^|\.)tavily\.com$/, what: "the Tavily search API" },
  { host: /(^|\.)serpapi\.com$/, what: "the SerpAPI search API" },
  { host: /(^|\.)duckduckgo\.com$/, what: "a DuckDuckGo search" },
  { host: /(^|\.)(exa\.ai|search\.brave\.com|api\.search\.brave\.com)$/, what: "a search API" },
  { host: /(^|\.)wikipedia\.org$/, path: /\/api\.php$/, what: "the Wikipedia API" },
  { host: /(^|\.)snowflakecomputing\.com$/, what: "a Snowflake query" },
  { host: /./, path: /\/mcp\/?$/, what: "an MCP server call" },
  { host: /^(127\.0\.0\.1|localhost)(:\d+)?$/, path: /^\/metrics$/, what: "a metrics scrape" },
];

/** Hosts that serve files rather than APIs. */
const DOWNLOAD_HOSTS =
  /(^|\.)(githubusercontent\.com|gstatic\.com|w3\.org|pdfobject\.com|filesamples\.com|samplelib\.com|ftcdn\.net|blob\.core\.windows\.net|online-convert\.com|httpbin\.org|wikimedia\.org|ruby-lang\.org|grepit\.app|cdn\.openai\.com)$/;

/** LLM vendors by API host, for "no provider decodes <vendor> <resource>". */
const VENDORS: readonly [RegExp, string][] = [
  [/^api\.anthropic\.com$/, "Anthropic"],
  [/(^|\.)openai\.com$|\.openai\.azure\.com$/, "OpenAI"],
  [/^generativelanguage\.googleapis\.com$/, "Gemini API"],
  [/aiplatform\.googleapis\.com$/, "Vertex AI"],
  [/(^|\.)bfl\.ai$/, "Black Forest Labs"],
  [/(^|\.)x\.ai$/, "xAI"],
  [/^api\.mistral\.ai$/, "Mistral"],
  [/(^|\.)cohere\.(com|ai)$/, "Cohere"],
  [/^api\.deepgram\.com$/, "Deepgram"],
  [/^api\.cloudflare\.com$/, "Cloudflare Workers AI"],
  [/(^|\.)together\.(xyz|ai)$/, "Together AI"],
  [/^api\.groq\.com$/, "Groq"],
  [/^openrouter\.ai$/, "OpenRouter"],
  [/(^|\.)huggingface\.co$/, "Hugging Face"],
  [/(^|\.)pollinations\.ai$/, "Pollinations"],
  [/(^|\.)bedrock[a-z-]*\.[^/]*(amazonaws\.com|api\.aws)$/, "AWS Bedrock"],
  [/^api\.voyageai\.com$/, "Voyage AI"],
  [/^api\.deepseek\.com$/, "DeepSeek"],
  [/^api\.perplexity\.ai$/, "Perplexity"],
  [/(^|\.)aliyuncs\.com$/, "Alibaba Cloud"],
  [/^ollama\.com$|^(localhost|127\.0\.0\.1):11434$/, "Ollama"],
];

/** What an API path is about, first match wins. */
const RESOURCES: readonly [RegExp, string][] = [
  [/\/messages\/batches/, "message batches"],
  [/count_tokens|countTokens|input_tokens|count-tokens/, "token counting"],
  [/embed/i, "embeddings"],
  [/batch/i, "batches"],
  [/:predictLongRunning\b|\/operations\//, "long-running operations"],
  [/:predict\b/, "predictions"],
  [/get_result|\/results?\b/, "result polling"],
  [/cachedContents/, "context caching"],
  [/fileSearchStores|vector_stores/, "vector stores"],
  [/\/upload\/|\/files\b/, "files"],
  [/\/images?\b|\/flux|imgen|image\./, "image generation"],
  [/\/videos?\b|vidgen/, "video generation"],
  [/\/audio\/|\/speech|\/transcriptions|\/stt\b|\/tts\b|\/listen\b|\/speak\b/, "audio"],
  [/\/moderations/, "moderation"],
  [/\/realtime/, "realtime sessions"],
  [/\/conversations/, "conversations"],
  [/\/rerank/, "reranking"],
  [/\/ocr\b/, "OCR"],
  [/\/responses\/compact/, "response compaction"],
  [/\/responses\//, "stored responses"],
  [/\/ai\/run\//, "model runs"],
  [/\/models?\b|available-models|\/tags$/, "model listing"],
];

/** A path segment that is an id (batch, file, operation ids), shortened in notes. */
function isId(segment: string): boolean {
  if (/^[a-z]+_[A-Za-z0-9]{12,}$/.test(segment)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return true;
  return segment.length >= 20 && /\d/.test(segment) && /^[A-Za-z0-9_-]+$/.test(segment);
}

function shortSegment(segment: string): string {
  if (isId(segment)) return "…";
  return segment.length > 60 ? `${segment.slice(0, 40)}…` : segment;
}

/** `scheme://host/path` with ids shown as `…`, long segments cut, and the query left out. */
export function shortUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(url.slice(0, 4 * MAX_SHORT_URL));
  const short = match ? (match[1] ?? "") + (match[2] ?? "").split("/").map(shortSegment).join("/") : url;
  // A URL of a megabyte (a hostile cassette) must not become a megabyte of note.
  return short.length > MAX_SHORT_URL ? `${short.slice(0, MAX_SHORT_URL)}…` : short;
}

/** The longest URL a note quotes. */
const MAX_SHORT_URL = 200;

/** A byte count as a reader says it: `512 bytes`, `34.5 KB`, `2.1 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function looksLikeLlmRequest(payload: unknown): boolean {
  if (!isRecord(payload)) return false;
  return ["messages", "prompt", "contents", "input"].some((key) => key in payload);
}

function isTextBody(body: unknown): boolean {
  return typeof body === "string" || isBinaryBody(body);
}

export interface CallDescription {
  method: string;
  url: string;
  host: string | null;
  path: string | null;
  payload: unknown;
  body: unknown;
}

/** Why no provider decodes this call: one sentence starting with the call. */
export function unclaimedReason(call: CallDescription): string {
  const { method, url, host, path, payload, body } = call;
  const where = host ?? url;
  const route = path ?? "";
  if (host !== null) {
    for (const service of NOT_LLM) {
      if (service.host.test(host) && (!service.path || service.path.test(route))) {
        return `${method} ${where}: not an LLM API call (${service.what})`;
      }
    }
    if (
      DOWNLOAD_HOSTS.test(host) ||
      (method === "GET" && isBinaryBody(body) && !VENDORS.some(([h]) => h.test(host)))
    ) {
      return `${method} ${where}: not an LLM API call (a file download)`;
    }
  }
  const vendor = host === null ? undefined : VENDORS.find(([pattern]) => pattern.test(host))?.[1];
  const short = `${method} ${shortUrl(url)}`;
  if (vendor !== undefined) {
    const found = RESOURCES.find(([pattern]) => pattern.test(route))?.[1];
    // `/models/{id}` is a listing only when read; a POST there runs the model.
    const resource = found === "model listing" && method !== "GET" ? undefined : found;
    return resource === undefined
      ? `${short}: no provider decodes this ${vendor} endpoint`
      : `${short}: no provider decodes ${vendor} ${resource}`;
  }
  if (method === "GET" && isTextBody(body) && !looksLikeLlmRequest(payload)) {
    return `${short}: not an LLM API call (a page or file fetched over HTTP)`;
  }
  return looksLikeLlmRequest(payload)
    ? `${short}: no provider recognises this request, though it looks like an LLM call`
    : `${short}: no provider recognises this call`;
}

/** What the response body is, when that helps (bytes, eventstreams); else null. */
export function bodyNote(body: unknown): string | null {
  if (isBinaryBody(body)) {
    const { size, mediaType } = body.$binary;
    const type = mediaType?.split(";")[0]?.trim();
    return `the body is ${sizeText(size)} of ${type || "binary data"}`;
  }
  if (isEventStreamBody(body)) {
    const count = body.$eventstream.length;
    return `the body is an AWS eventstream of ${count} message${count === 1 ? "" : "s"}`;
  }
  return null;
}
