import { isBinaryBody, isEventStreamBody } from "@/lib/model/http-body";
import type { ResponseInfo } from "@/lib/model/exchange";
import type { Interaction, RecordingFile } from "@/lib/model/recording-file";

/**
 * The parts of a recording a credential can hide in, decoded: headers, the request URL, and
 * the strings of the bodies (JSON walked, SSE event data and JSON inside strings parsed). Bytes
 * (`$binary`, eventstream framing), base64 runs, data URLs and numbers (embeddings) are left out:
 * they are full of strings that look like keys by chance.
 */
export type Segment =
  | { kind: "header"; interaction: number | null; location: string; name: string; value: string }
  | { kind: "url"; interaction: number | null; location: string; url: string }
  | {
      kind: "text";
      interaction: number | null;
      location: string;
      /** The key the string is the value of, when it is one (`api_key`), for context. */
      key: string | null;
      text: string;
    };

type Emit = (segment: Segment) => void;

/**
 * Runs of base64 (with an optional data-URL head), too long to be a key: left out. Written as 200
 * then `*`, not `{200,}`: V8 overflows its stack on `{200,}` over a run of some ten million characters.
 */
const BASE64_RUN =
  /(?:data:[\w.+/-]{1,100}(?:;[\w=.-]+)*;base64,)?[A-Za-z0-9+/_-]{200}[A-Za-z0-9+/_-]*={0,2}/g;
const SKIPPED_KEYS = new Set(["embedding", "embeddings", "b64_json", "bytes"]);
const JSON_PARSE_LIMIT = 1_000_000;
const MAX_DEPTH = 64;

function pathOf(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * A JSON path, spelled out only when a segment needs it (most nodes of a body yield none): a
 * string, or a step (a key, an index, or an SSE or eventstream event) below another path.
 */
type JsonPath = string | { readonly parent: JsonPath; readonly step: string | number; readonly event?: true };

function spell(path: JsonPath): string {
  if (typeof path === "string") return path;
  const parent = spell(path.parent);
  return path.event ? `${parent} event ${path.step}` : pathOf(parent, path.step);
}

/** A base64 run, found faster than by `BASE64_RUN` (which also takes a data URL's head). */
const LONG_RUN = /[A-Za-z0-9+/_-]{200}/;

/** The text with its base64 runs left out (a finding's place is its segment's), or null when nothing else is left. */
function withoutBase64(text: string): string | null {
  if (text.length < 200 || !LONG_RUN.test(text)) return text;
  const kept = text.replace(BASE64_RUN, " ");
  return kept.trim() === "" ? null : kept;
}

function looksLikeSse(text: string): boolean {
  return /^(?:data|event|id|retry):/.test(text) || text.includes("\ndata:");
}

interface WalkAt {
  interaction: number | null;
  /** `request body`, `response chunk 3`: what the JSON path is inside of. */
  where: string;
  path: string;
  key: string | null;
  depth: number;
}

/**
 * The strings already walked in one interaction, by text, with the keys they were met under. A
 * string met again under the same key (a stream repeats its id, model and object name in every
 * chunk) would give the same segments at a later place: only the first place counts for a
 * finding, and masking goes by value, so it is not walked again.
 */
export type WalkedStrings = Map<string, (string | null)[]>;

/** True when `text` was walked under `key` before; records it otherwise. */
function walkedBefore(seen: WalkedStrings, text: string, key: string | null): boolean {
  const keys = seen.get(text);
  if (keys === undefined) {
    seen.set(text, [key]);
    return false;
  }
  if (keys.includes(key)) return true;
  keys.push(key);
  return false;
}

/** What stays the same over one walk (passed as is: the walk visits every node of a body). */
interface Walk {
  interaction: number | null;
  where: string;
  emit: Emit;
  seen: WalkedStrings;
}

/** Shorter than this, a string cannot hold a credential any rule reports. */
const MIN_TEXT = 8;

/**
 * Walks a decoded body: JSON values, strings (JSON, SSE or text), the two marked byte forms. The
 * bodies of one interaction share `seen`.
 */
export function walkBody(value: unknown, at: WalkAt, emit: Emit, seen: WalkedStrings = new Map()): void {
  walk(value, { interaction: at.interaction, where: at.where, emit, seen }, at.path, at.key, at.depth);
}

/** A string too short to hold a credential, or already walked under this key. */
function skipString(text: string, ctx: Walk, key: string | null): boolean {
  return text.length < MIN_TEXT || walkedBefore(ctx.seen, text, key);
}

function walk(value: unknown, ctx: Walk, path: JsonPath, key: string | null, depth: number): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value === "string") {
    if (!skipString(value, ctx, key)) walkString(value, ctx, path, key, depth);
    return;
  }
  if (typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item === "number" || typeof item === "boolean") continue;
      if (typeof item === "string") {
        if (depth < MAX_DEPTH && !skipString(item, ctx, key))
          walkString(item, ctx, { parent: path, step: i }, key, depth + 1);
        continue;
      }
      walk(item, ctx, { parent: path, step: i }, key, depth + 1);
    }
    return;
  }
  if (value instanceof Uint8Array) return;
  if (isBinaryBody(value)) return;
  if (isEventStreamBody(value)) {
    value.$eventstream.forEach((message, i) =>
      walk(message.payload, ctx, { parent: path, step: i, event: true }, null, depth + 1),
    );
    return;
  }
  for (const name in value) {
    if (!Object.hasOwn(value, name) || SKIPPED_KEYS.has(name)) continue;
    const item: unknown = Reflect.get(value, name);
    if (item === null || typeof item === "number" || typeof item === "boolean") continue;
    if (typeof item === "string") {
      if (depth < MAX_DEPTH && !skipString(item, ctx, name))
        walkString(item, ctx, { parent: path, step: name }, name, depth + 1);
      continue;
    }
    const inner = { parent: path, step: name };
    if (typeof item === "object" && (name === "headers" || name === "Headers")) {
      walkHeaderMap(item, ctx.interaction, `${ctx.where} ${spell(inner)}`, ctx.emit);
      continue;
    }
    walk(item, ctx, inner, name, depth + 1);
  }
}

function walkString(text: string, ctx: Walk, path: JsonPath, key: string | null, depth: number): void {
  const first = text.charCodeAt(0) <= 0x20 ? text.trimStart().charCodeAt(0) : text.charCodeAt(0);
  if ((first === 0x7b || first === 0x5b) && text.length <= JSON_PARSE_LIMIT) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      walk(parsed, ctx, path, key, depth + 1);
      return;
    }
  }
  if (looksLikeSse(text.trimStart()) && text.length <= JSON_PARSE_LIMIT * 16) {
    let event = 0;
    for (const line of text.split(/\r?\n/)) {
      if (!line.startsWith("data:")) continue;
      const data = line.slice(5).trimStart();
      const at: JsonPath = { parent: path, step: event++, event: true };
      if (data.length >= MIN_TEXT) walkString(data, ctx, at, null, depth + 1);
    }
    return;
  }
  const kept = withoutBase64(text);
  if (kept === null) return;
  ctx.emit({
    kind: "text",
    interaction: ctx.interaction,
    // A body that is one string is the whole body: no `$` after its name.
    location: path === "$" ? ctx.where : `${ctx.where} ${spell(path)}`,
    key,
    text: kept,
  });
}

/** A header map as JSON holds it: `{name: value}` or `{name: [values]}`. */
function walkHeaderMap(map: object, interaction: number | null, location: string, emit: Emit): void {
  for (const [name, value] of Object.entries(map)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === "string") emit({ kind: "header", interaction, location, name, value: item });
    }
  }
}

/** The response as the providers decoded it: chunks as recorded, the reassembled message, bodies. */
function walkResponse(
  response: ResponseInfo,
  interaction: number | null,
  emit: Emit,
  seen: WalkedStrings,
): void {
  const at = (where: string, value: unknown, key: string | null = null) =>
    walkBody(value, { interaction, where, path: "$", key, depth: 0 }, emit, seen);
  switch (response.type) {
    case "message":
      response.chunks.forEach((chunk) => at(`response chunk ${chunk.index}`, chunk.raw));
      response.choices.forEach((choice) => {
        const where = `response choice ${choice.index}`;
        at(`${where} content`, choice.content);
        at(`${where} reasoning`, choice.reasoning);
        choice.toolCalls.forEach((call) => at(`${where} tool call ${call.index} arguments`, call.arguments));
      });
      if (response.usage) at("response usage", response.usage.raw);
      return;
    case "result":
      at("response body", response.value ?? response.text);
      return;
    case "error":
      at("response body", response.error.body ?? response.error.message);
      return;
    case "unknown":
      at("response body", response.value);
      return;
    case "models":
      response.models.forEach((model, i) => at(`response model ${i}`, model.details));
      return;
    case "embeddings":
      return;
  }
}

function cassetteSegments(interaction: Interaction, emit: Emit): void {
  const { index, http, exchange } = interaction;
  for (const header of http?.requestHeaders ?? []) {
    emit({
      kind: "header",
      interaction: index,
      location: "request header",
      name: header.name,
      value: header.value,
    });
  }
  const url = http?.url ?? exchange.request.url;
  if (url) emit({ kind: "url", interaction: index, location: "request url", url });
  // The request's strings and the response's are each walked once (see `WalkedStrings`); apart,
  // as a form-encoded string counts as fields only in a request body.
  walkBody(
    exchange.request.body,
    { interaction: index, where: "request body", path: "$", key: null, depth: 0 },
    emit,
  );
  for (const header of http?.responseHeaders ?? []) {
    emit({
      kind: "header",
      interaction: index,
      location: "response header",
      name: header.name,
      value: header.value,
    });
  }
  walkResponse(exchange.response, index, emit, new Map());
}

/**
 * A llama-stack recording is JSON as on disk: walked whole, `request.url` as the URL and every
 * `headers` object as headers. Its locations are JSON paths into the file.
 */
function llamaStackSegments(raw: unknown, emit: Emit): void {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return;
  const seen: WalkedStrings = new Map();
  const request: unknown = "request" in raw ? raw.request : undefined;
  if (
    request !== null &&
    typeof request === "object" &&
    "url" in request &&
    typeof request.url === "string"
  ) {
    emit({ kind: "url", interaction: null, location: "$.request.url", url: request.url });
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === "request" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, item] of Object.entries(value)) {
        if (inner === "url") continue;
        const path = pathOf("$.request", inner);
        if (inner === "headers" && item !== null && typeof item === "object") {
          walkHeaderMap(item, null, path, emit);
          continue;
        }
        walkBody(item, { interaction: null, where: "", path, key: inner, depth: 1 }, emit, seen);
      }
      continue;
    }
    walkBody(value, { interaction: null, where: "", path: pathOf("$", key), key, depth: 1 }, emit, seen);
  }
}

/** Every segment of a decoded recording, in recorded order. */
export function recordingSegments(file: RecordingFile): Segment[] {
  const segments: Segment[] = [];
  const emit: Emit = (segment) => {
    segments.push(
      segment.location.startsWith(" ") ? { ...segment, location: segment.location.trimStart() } : segment,
    );
  };
  if (file.format === "llama-stack") {
    llamaStackSegments(file.interactions[0]?.raw, emit);
  } else {
    for (const interaction of file.interactions) cassetteSegments(interaction, emit);
  }
  return segments;
}
