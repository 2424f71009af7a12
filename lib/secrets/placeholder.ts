/**
 * Recorders and test suites replace real credentials with placeholders before they write a
 * cassette (`<ANTHROPIC_API_KEY>`, `REDACTED`, `Bearer ***`, `test-api-key`); those are not leaks.
 */

/** Templates and masks: `<X>`, `{X}`, `{{X}}`, `${X}`, `$X`, `%(x)s`, `[secret …]`, runs of `*`. */
const TEMPLATE =
  /^(?:<[^<>]*>|\{\{?[^{}]*\}\}?|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%\([^)]*\)s|\[[^\]]*\]|\([^)]*\))$/;
const MASKED = /\*{3}|•{2}|x{6}|X{6}|\.{3}|…|#{4}|0{8}/;
/** Stand-in words that show even glued to other text (`AKIAIOSFODNN7EXAMPLE`). */
const STAND_IN = /example|redacted|placeholder|dummy|changeme|filtered|scrubbed/i;
/** Words that only a stand-in value is made of. */
const PLACEHOLDER_WORDS = new Set([
  "redacted",
  "filtered",
  "removed",
  "hidden",
  "masked",
  "scrubbed",
  "sanitized",
  "obfuscated",
  "censored",
  "placeholder",
  "dummy",
  "fake",
  "mock",
  "mocked",
  "stub",
  "example",
  "sample",
  "changeme",
  "replace",
  "replaceme",
  "your",
  "yourkey",
  "invalid",
  "bogus",
  "notreal",
  "none",
  "null",
  "undefined",
  "xxx",
  "test",
  "testing",
  "tests",
  "foo",
  "bar",
  "baz",
]);
/** Words a made-up value may be built from (`test-api-key`, `my-secret-token`). */
const FILLER_WORDS = new Set([
  "api",
  "apikey",
  "key",
  "keys",
  "token",
  "tokens",
  "secret",
  "password",
  "pass",
  "auth",
  "bearer",
  "basic",
  "access",
  "my",
  "the",
  "a",
  "sk",
  "pk",
  "id",
  "user",
  "value",
  "here",
  "goes",
  "default",
  "local",
  "dev",
  "openai",
  "anthropic",
  "gemini",
  "google",
  "azure",
  "aws",
  "cohere",
  "mistral",
  "groq",
  "xai",
  "ollama",
  "bedrock",
  "session",
  "cookie",
]);

/**
 * Whether a value is a stand-in for a credential: a template or a mask, a value made of
 * placeholder words (`REDACTED`, `test-api-key`, `sk-fake-123`), a single repeated character,
 * or too regular to be random (`abcdefgh`, `12345678`).
 */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim().replace(/^["']|["']$/g, "");
  if (value.length < 8) return true;
  if (TEMPLATE.test(value) || MASKED.test(value) || STAND_IN.test(value)) return true;
  // A value wrapped in a template marker anywhere (`sk-<KEY>`, `Bearer {token}`).
  if (/<[A-Za-z_][\w-]*>|\{\{?\s*[A-Za-z_][\w.-]*\s*\}\}?|\$\{[^}]+\}/.test(value)) return true;
  // camelCase is split only in short values: a long random key has such "words" by chance.
  const words = (value.length < 32 ? value.replace(/([a-z])([A-Z])/g, "$1 $2") : value)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((word) => PLACEHOLDER_WORDS.has(word))) return true;
  if (words.every((word) => FILLER_WORDS.has(word) || /^\d{1,6}$/.test(word))) return true;
  const distinct = new Set(value).size;
  if (distinct <= 3) return true;
  if (/^(?:0123456789|1234567890|abcdefghij|qwertyuiop)/i.test(value.replace(/^[a-z]{2,4}[-_]/i, "")))
    return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a value in a credential's place (an `authorization` header, a `key=` parameter) looks
 * like a real one: no blanks, at least 12 characters, not a placeholder, and random enough.
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 12 || value.length > 4096) return false;
  if (/\s/.test(value)) return false;
  if (isPlaceholder(value)) return false;
  return entropy(value) >= 3;
}
