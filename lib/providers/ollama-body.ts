import { z } from "zod";
import { isWrapped } from "@/lib/model/envelope";
import { parseAt } from "./decoder";
import { ndjsonLines } from "./ndjson-text";

/**
 * One Ollama response object, whichever recorder kept it: llama-stack wraps each in
 * `{__type__: "ollama._types.ChatResponse", __data__}` (a list of them for a stream); an HTTP
 * cassette has the plain JSON object, or NDJSON text for a stream. The decoders read these.
 */
export interface OllamaItem {
  /** The object itself (`__data__` of a wrapped one). */
  data: unknown;
  /** JSON path of `data`: `response.body[3].__data__`, `response.body`, `response.body (line 4)`. */
  path: string;
  /** Where the item is in the file (the wrapper's path for a wrapped one). */
  at: string;
  /** The `__type__` of a wrapped item; null for plain JSON. */
  type: string | null;
  /** The item as recorded (a stream chunk's `raw`). */
  raw: unknown;
}

const wrappedItemSchema = z.object({ __type__: z.string(), __data__: z.unknown() });

/** The items of a llama-stack body: one wrapped object, or a list of them for a stream. */
export function wrappedItems(body: unknown): OllamaItem[] {
  const list: readonly unknown[] = Array.isArray(body) ? body : [body];
  return list.map((raw, i) => {
    const at = Array.isArray(body) ? `response.body[${i}]` : "response.body";
    // Checked by hand (streams have thousands of chunks); zod only names what does not fit.
    const item = isWrapped(raw) ? raw : parseAt(wrappedItemSchema, raw, at);
    return { data: item.__data__, path: `${at}.__data__`, at, type: item.__type__, raw };
  });
}

/** The items of an HTTP body: the JSON object, or the lines of NDJSON text. */
export function plainItems(body: unknown): OllamaItem[] {
  if (typeof body === "string") {
    return ndjsonLines(body, "response.body").map(({ value, at }) => ({
      data: value,
      path: at,
      at,
      type: null,
      raw: value,
    }));
  }
  return [{ data: body, path: "response.body", at: "response.body", type: null, raw: body }];
}
