/**
 * Standard base64 (white space and padding optional) as bytes, or null when the text is not
 * base64: `Buffer.from(text, "base64")` would silently skip what it cannot read.
 */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  return Buffer.from(clean, "base64");
}
