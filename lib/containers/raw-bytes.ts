/**
 * YAML `!!binary` values parse to `Uint8Array`, which the raw view (JSON) would show as a map of
 * byte indices. The raw interaction keeps them as the marked form `{$binary: {...}}` instead.
 */

export function binaryBody(bytes: Uint8Array, mediaType: string | null): unknown {
  return { $binary: { mediaType, size: bytes.length, base64: Buffer.from(bytes).toString("base64") } };
}

/**
 * `value` with every `Uint8Array` in it marked as `$binary`; only the containers on the way are
 * copied. Every interaction of every cassette is walked: no array of entries is made per object.
 */
export function markBinary(value: unknown, mediaType: string | null = null): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Uint8Array) return binaryBody(value, mediaType);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const marked = markBinary(item, mediaType);
      if (marked !== item) (copy ??= [...value])[index] = marked;
    }
    return copy ?? value;
  }
  if (value instanceof Date) return value;
  let copy: Record<string, unknown> | null = null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item: unknown = Reflect.get(value, key);
    const marked = markBinary(item, mediaType);
    if (marked !== item) (copy ??= { ...value })[key] = marked;
  }
  return copy ?? value;
}
