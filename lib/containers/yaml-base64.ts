/** Base64 with line breaks and spaces anywhere (YAML folds long binary scalars). */
const BASE64_TEXT = /^[A-Za-z0-9+/\s]*(?:=\s*){0,2}$/;

/** True when a YAML binary scalar's text is base64. */
export function isBase64Text(source: string): boolean {
  return BASE64_TEXT.test(source);
}

/** The bytes of a YAML binary scalar; null when it is not base64 (Node's decoder skips the whitespace). */
export function base64Bytes(source: string): Uint8Array | null {
  return isBase64Text(source) ? new Uint8Array(Buffer.from(source, "base64")) : null;
}
