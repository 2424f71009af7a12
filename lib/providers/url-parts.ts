/**
 * The host and path of a recorded URL, read by hand rather than with `new URL`: recorders write
 * placeholders into hosts (`bedrock-runtime.<AWS_REGION>.amazonaws.com`, `<OLLAMA_API_BASE>`)
 * that no URL parser accepts, and the reader still wants to see them.
 */
const URL_PARTS = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i;

export function urlParts(url: string): { host: string | null; path: string | null } {
  const match = URL_PARTS.exec(url);
  if (!match) return { host: null, path: url.startsWith("/") ? url : null };
  return { host: match[1] || null, path: match[2] || "/" };
}
