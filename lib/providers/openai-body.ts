import { isWrapped, typeClassName, wrappedSchema, type Envelope } from "@/lib/model/envelope";
import { parseAt } from "./decoder";
import { isRecord } from "./fast-read";
import { httpCall } from "./openai-http";
import { looksLikeSseText, sseEventData, sseTextEvents } from "./sse-text";

/**
 * A cheap look at a response body for `claims()`, whatever the recorder wrote: llama-stack's SDK
 * objects (`{__type__, __data__}`, or a list of them for a stream), or an HTTP cassette's plain
 * JSON object or SSE text.
 */
export interface BodyShape {
  /** The body is a list (a stream, or a model list) or SSE text. */
  list: boolean;
  /** `__type__` of the body or of its first element; null for plain JSON and SSE text. */
  type: string | null;
  /** `type` without its module path. */
  className: string | null;
  /** `__data__` of the (first) wrapped object, the plain object, or the first SSE event's JSON. */
  data: unknown;
  /** `data.object` (`chat.completion`, `text_completion`, `list`, `model`, ...), when a string. */
  object: string | null;
  /** The body is SSE text. */
  sse: boolean;
}

function objectOf(data: unknown): string | null {
  return isRecord(data) && typeof data.object === "string" ? data.object : null;
}

/** The shape of a wrapped body or a non-empty list of wrapped objects; null for anything else. */
export function bodyShape(body: unknown): BodyShape | null {
  const list = Array.isArray(body);
  const first: unknown = list ? body[0] : body;
  if (!isWrapped(first)) return null;
  const data = first.__data__;
  const className = typeClassName(first.__type__);
  return { list, type: first.__type__, className, data, object: objectOf(data), sse: false };
}

/** Events a claim looks at: enough to pass Azure's leading `prompt_filter_results` event. */
const LOOK_AHEAD = 3;

/** The first SSE event whose data is a JSON object, preferring one that names its `object` or `type`. */
function firstSseObject(text: string): Record<string, unknown> | null {
  let first: Record<string, unknown> | null = null;
  for (const event of sseTextEvents(text, LOOK_AHEAD)) {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      continue;
    }
    if (!isRecord(data)) continue;
    if (typeof data.object === "string" && data.object !== "") return data;
    if (typeof data.type === "string") return data;
    first ??= data;
  }
  return first;
}

/** Plain JSON objects and SSE text, as HTTP cassettes hold bodies. */
function plainShape(body: unknown): BodyShape | null {
  if (looksLikeSseText(body)) {
    const data = firstSseObject(body);
    return { list: true, type: null, className: null, data, object: objectOf(data), sse: true };
  }
  if (!isRecord(body) || "$binary" in body || "$eventstream" in body) return null;
  return { list: false, type: null, className: null, data: body, object: objectOf(body), sse: false };
}

const shapes = new WeakMap<object, BodyShape | null>();

/**
 * The shape of an envelope's response body: wrapped SDK objects in any recording; plain JSON and
 * SSE text only in HTTP calls (llama-stack's plain bodies belong to other families). Every OpenAI
 * decoder asks in turn, so the answer is kept per envelope.
 */
export function responseShape(envelope: Envelope): BodyShape | null {
  const cached = shapes.get(envelope);
  if (cached !== undefined) return cached;
  const body = envelope.response.body;
  const shape = bodyShape(body) ?? (httpCall(envelope) ? plainShape(body) : null);
  shapes.set(envelope, shape);
  return shape;
}

/** A note for a body claimed by its shape because its class is not one the decoder knows. */
export function shapeNote(shape: BodyShape, known: ReadonlySet<string>): string[] {
  if (shape.type === null || shape.className === null || known.has(shape.className)) return [];
  return [`Unknown response type ${shape.type}; decoded by its shape (object "${shape.object ?? ""}").`];
}

/** One element of a stream: the chunk's data, the chunk as recorded, and where it is in the file. */
export interface StreamItem {
  data: unknown;
  /** The chunk as recorded: the wrapped object, or the SSE event's data parsed. */
  raw: unknown;
  /** JSON path of `data` (`response.body[3].__data__`, `response.body (event 3)`). */
  path: string;
  /** The SSE `event:` name, when the stream is SSE text and the event has one. */
  event: string | null;
}

/**
 * The chunks of a stream body: a list of wrapped objects (a bad element throws `SchemaMismatch`
 * naming it), or SSE text (events in order, `[DONE]` left out; bad JSON throws `SchemaMismatch`).
 */
export function streamItems(body: unknown): StreamItem[] {
  if (typeof body === "string") {
    const items: StreamItem[] = [];
    sseTextEvents(body).forEach((event, index) => {
      if (event.data === "[DONE]") return;
      const path = `response.body (event ${index})`;
      const data = sseEventData(event, path);
      items.push({ data, raw: data, path, event: event.event });
    });
    return items;
  }
  const list = Array.isArray(body) ? body : [];
  return list.map((item, index) => new WrappedChunk(wrappedData(item, index), item, index));
}

/** `__data__` of element `index` of a list of wrapped objects; a bad element throws `SchemaMismatch`. */
export function wrappedData(item: unknown, index: number): unknown {
  return isWrapped(item) ? item.__data__ : parseAt(wrappedSchema, item, `response.body[${index}]`).__data__;
}

/** JSON path of `__data__` of element `index` of a list of wrapped objects. */
export function wrappedDataPath(index: number): string {
  return `response.body[${index}].__data__`;
}

/** A chunk of a list of wrapped objects, whose path is spelled out only when asked (by an error). */
class WrappedChunk implements StreamItem {
  readonly event = null;

  constructor(
    readonly data: unknown,
    readonly raw: unknown,
    private readonly index: number,
  ) {}

  get path(): string {
    return wrappedDataPath(this.index);
  }
}

/** The single object of a non-stream body: `__data__` of a wrapped one, else the body itself. */
export function singleData(body: unknown): { data: unknown; path: string } {
  return isWrapped(body)
    ? { data: body.__data__, path: "response.body.__data__" }
    : { data: body, path: "response.body" };
}
