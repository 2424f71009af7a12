/**
 * Where bytes stop being UTF-8, for a reason a reader can act on ("byte 0xe9 at line 3, column
 * 14" rather than "not valid UTF-8"). Only called once a decoder has said the bytes are invalid.
 */

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, else -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at++;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (no overlong
    // forms, no surrogates, nothing past U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      return at;
    }
    for (let i = 1; i < length; i++) {
      const byte = bytes[at + i];
      if (byte === undefined) return at;
      const min = i === 1 ? low : 0x80;
      const max = i === 1 ? high : 0xbf;
      if (byte < min || byte > max) return at;
    }
    at += length;
  }
  return -1;
}

/** "byte 0xe9 at line 3, column 14" (1-based; the column counts bytes), or null when the bytes are valid. */
export function invalidUtf8Position(bytes: Uint8Array): string | null {
  const at = firstInvalidUtf8(bytes);
  if (at === -1) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const byte = (bytes[at] ?? 0).toString(16).padStart(2, "0");
  return `byte 0x${byte} at line ${line}, column ${at - lineStart + 1}`;
}
