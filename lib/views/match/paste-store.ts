import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** What was pasted on /match, with the options beside it. */
export interface Paste {
  text: string;
  test: string;
  url: string;
  method: string;
}

declare global {
  // Kept on globalThis so it survives the development server's module reloads.
  var __tapedeckPastes: LRUCache<string, Paste> | undefined;
}

function store(): LRUCache<string, Paste> {
  globalThis.__tapedeckPastes ??= new LRUCache<string, Paste>({
    max: 200,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (paste) => Math.max(1, paste.text.length + paste.test.length + paste.url.length),
  });
  return globalThis.__tapedeckPastes;
}

/**
 * Keeps a paste and returns its id: the page's URL names the paste (a request can be tens of KB,
 * too long for a query string), and the same paste gets the same id. Pastes live in memory for
 * the server's life, the least recently used dropped first.
 */
export function keepPaste(paste: Paste): string {
  const id = createHash("sha256")
    .update(JSON.stringify([paste.text, paste.test, paste.url, paste.method]))
    .digest("hex")
    .slice(0, 24);
  store().set(id, paste);
  return id;
}

export function pasteById(id: string): Paste | undefined {
  return /^[0-9a-f]{24}$/.test(id) ? store().get(id) : undefined;
}
