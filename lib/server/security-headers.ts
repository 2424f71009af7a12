import { randomBytes } from "node:crypto";

/** A fresh, unguessable value for the `'nonce-…'` source of one response. */
export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * The content security policy of every response: only this origin, scripts only with the nonce of
 * this response (Next.js puts it on its own scripts, read from the request's copy of this header),
 * no plugins, no framing. Inline `style` attributes stay allowed: shiki colours its tokens with them
 * and the virtual lists position rows with them; style elements still need the nonce. Images may be
 * `data:` URLs: recorded images are shown from the bytes in the file, never fetched from elsewhere.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The development server injects its style elements without a nonce.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries besides the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};
