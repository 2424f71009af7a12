/** The bytes of a YAML binary scalar (base64, line breaks and spaces allowed); null when it is not base64. */
export function base64Bytes(source: string): Uint8Array | null {
  const clean = source.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, "base64"));
}
