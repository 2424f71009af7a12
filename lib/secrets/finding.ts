import { createHash } from "node:crypto";

/** A credential found in a recording, as every output may show it: never the value itself. */
export interface SecretFinding {
  /** The interaction (numbered from 0), or null for a llama-stack recording (one call, the file). */
  interaction: number | null;
  /** Where it is: `request header authorization`, `request url query key`, `request body $.api_key`. */
  location: string;
  /** The rule that found it: a secretlint rule (`openai`, `aws-access-key-id`) or a recording rule. */
  rule: string;
  /** The first 4 and last 2 characters. */
  preview: string;
  /** A hash of the value: the same credential has the same fingerprint wherever it is. */
  fingerprint: string;
}

/**
 * A finding with the value, for masking. Kept in memory only: outputs take `publicFinding()`.
 */
export interface DetectedSecret extends SecretFinding {
  value: string;
  /** Other spellings of the value the file may hold (URL-encoded, JSON-escaped). */
  variants: string[];
}

/** The first 4 and last 2 characters of a value, with an ellipsis between. */
export function secretPreview(value: string): string {
  return `${value.slice(0, 4)}…${value.slice(-2)}`;
}

/** 16 hex digits of the value's SHA-256: enough to tell credentials apart, useless to recover one. */
export function secretFingerprint(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

/** The text that stands for a credential wherever it is shown: the rule and the preview. */
export function secretMask(secret: Pick<SecretFinding, "rule" | "preview">): string {
  return `[secret ${secret.rule}: ${secret.preview}]`;
}

/** Matches a mask in shown text (for the pages that mark it). */
export const SECRET_MASK_PATTERN = /\[secret ([a-z0-9-]+): ([^\]\s]{1,8}…[^\]\s]{0,4})\]/g;

export function detectedSecret(
  value: string,
  at: { interaction: number | null; location: string; rule: string },
): DetectedSecret {
  const variants = new Set<string>();
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) variants.add(json);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) variants.add(encoded);
  return {
    ...at,
    preview: secretPreview(value),
    fingerprint: secretFingerprint(value),
    value,
    variants: [...variants],
  };
}

/** A finding without its value. */
export function publicFinding(secret: SecretFinding): SecretFinding {
  return {
    interaction: secret.interaction,
    location: secret.location,
    rule: secret.rule,
    preview: secret.preview,
    fingerprint: secret.fingerprint,
  };
}
