import { createHash, timingSafeEqual } from "node:crypto";

/** The challenge a 401 carries. */
export const BASIC_CHALLENGE = 'Basic realm="Tapedeck"';

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * True when an `Authorization` header carries exactly the `user:password` expected. Both sides are
 * hashed to the same length and compared in constant time, so the time taken says nothing about
 * how much of a guess was right.
 */
export function checkBasicAuth(header: string | null, expected: string): boolean {
  const match = header === null ? null : /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header);
  const given = match?.[1] === undefined ? "" : Buffer.from(match[1], "base64").toString("utf8");
  const same = timingSafeEqual(digest(given), digest(expected));
  return match !== null && same;
}
