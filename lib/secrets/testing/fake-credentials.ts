/**
 * Credentials in the real formats, made up at run time from a seed: nothing in the repository's
 * text looks like a key (so scanning this repository finds none), and every run plants the same.
 */
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** `length` characters of `alphabet`, from a small linear congruential generator. */
export function randomText(seed: number, length: number, alphabet = ALNUM): string {
  let state = seed >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

const join = (...parts: string[]) => parts.join("");

export const FAKE = {
  /** An OpenAI project key (`sk-proj-…T3BlbkFJ…`). */
  openai: join("sk-", "proj-", randomText(1, 74), "T3Blbk", "FJ", randomText(2, 74)),
  /** An Anthropic key (`sk-ant-api03-…AA`). */
  anthropic: join("sk-", "ant-", "api03-", randomText(3, 93), "AA"),
  /** A GitHub personal access token. */
  github: join("gh", "p_", randomText(4, 36)),
  /** An AWS access key id, and its temporary (STS) kind. */
  awsKeyId: join("AK", "IA", randomText(5, 16, UPPER_DIGITS)),
  awsTemporaryKeyId: join("AS", "IA", randomText(6, 16, UPPER_DIGITS)),
  /** An STS session token (sent as `x-amz-security-token`). */
  awsSessionToken: join("IQoJb3JpZ2luX2Vj", randomText(7, 120)),
  /** A Gemini API key (`key=` parameter, `x-goog-api-key`). */
  gemini: join("AI", "za", randomText(8, 35)),
  /** A session cookie's value. */
  session: randomText(9, 32),
  /** A password in a URL. */
  password: randomText(10, 14),
  /** A key without a known format, for `x-api-key`-like headers (12 characters). */
  opaque: randomText(11, 12),
  /** A Tavily-style key in a JSON body field. */
  fieldKey: join("tvly-", randomText(12, 32)),
};
