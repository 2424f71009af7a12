import { isWrapped, typeClassName, type Wrapped } from "@/lib/model/envelope";

/** A cheap look at a response body for `claims()`: its first wrapped object, class and `object` field. */
export interface BodyShape {
  /** The body is a list (a stream, or a model list). */
  list: boolean;
  /** The body itself, or the first element of a list, when it is wrapped. */
  first: Wrapped;
  /** `__type__` without its module path. */
  className: string;
  /** `__data__.object` (`chat.completion`, `text_completion`, `list`, `model`, ...), when a string. */
  object: string | null;
}

/** The shape of a wrapped body or a non-empty list of wrapped objects; null for anything else. */
export function bodyShape(body: unknown): BodyShape | null {
  const list = Array.isArray(body);
  const first: unknown = list ? body[0] : body;
  if (!isWrapped(first)) return null;
  const data = first.__data__;
  const object =
    typeof data === "object" && data !== null && "object" in data && typeof data.object === "string"
      ? data.object
      : null;
  return { list, first, className: typeClassName(first.__type__), object };
}

/** A note for a body claimed by its shape because its class is not one the decoder knows. */
export function shapeNote(shape: BodyShape, known: ReadonlySet<string>): string[] {
  if (known.has(shape.className)) return [];
  return [
    `Unknown response type ${shape.first.__type__}; decoded by its shape (object "${shape.object ?? ""}").`,
  ];
}
