import { secretMask, type DetectedSecret } from "./finding";

type Maskable = Pick<DetectedSecret, "value" | "variants" | "rule" | "preview">;

/** Each spelling of each credential with its mask, longest first (a value inside another is masked by the longer). */
function replacements(secrets: readonly Maskable[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const secret of secrets) {
    const mask = secretMask(secret);
    for (const spelling of [secret.value, ...secret.variants]) pairs.push([spelling, mask]);
  }
  return pairs.sort(([a], [b]) => b.length - a.length);
}

function replaceAll(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [spelling, mask] of pairs) if (out.includes(spelling)) out = out.split(spelling).join(mask);
  return out;
}

/** The text with every credential replaced by its mask (`[secret openai: sk-p…yz]`). */
export function maskText(text: string, secrets: readonly Maskable[]): string {
  if (secrets.length === 0) return text;
  return replaceAll(text, replacements(secrets));
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a value (decoded recording, JSON output) with every credential masked in every
 * string and key. Parts without one are shared, not copied; bytes and class instances are kept.
 */
export function maskSecrets<T>(value: T, secrets: readonly Maskable[]): T {
  if (secrets.length === 0) return value;
  const pairs = replacements(secrets);
  const seen = new Map<object, unknown>();
  const visit = (item: unknown): unknown => {
    if (typeof item === "string") return replaceAll(item, pairs);
    if (item === null || typeof item !== "object") return item;
    const known = seen.get(item);
    if (known !== undefined) return known;
    if (Array.isArray(item)) {
      seen.set(item, item);
      let changed = false;
      const out = item.map((element: unknown) => {
        const masked = visit(element);
        if (masked !== element) changed = true;
        return masked;
      });
      const result = changed ? out : item;
      seen.set(item, result);
      return result;
    }
    if (!isPlainObject(item)) return item;
    seen.set(item, item);
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(item)) {
      const maskedKey = replaceAll(key, pairs);
      const masked = visit(element);
      if (masked !== element || maskedKey !== key) changed = true;
      out[maskedKey] = masked;
    }
    const result = changed ? out : item;
    seen.set(item, result);
    return result;
  };
  // The walk returns the same shape it was given: strings stay strings, objects keep their keys.
  return visit(value) as T;
}
