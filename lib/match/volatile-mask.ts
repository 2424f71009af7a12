/**
 * Masks what changes on every run of a test so that two recordings of one request compare equal:
 * ids minted per run (`vs_…`, `file-…`, `call_…`, `resp_…`, `msg_…`, `toolu_…`, `chatcmpl-…`,
 * UUIDs), dates and times (ISO, and the "21 September 2024" of system prompts), and random
 * seeds and timestamps under keys that name them.
 */

const PREFIXED_ID =
  /\b(vs|vsb|file|call|resp|msg|toolu|chatcmpl|cmpl|batch|fc|req|conv|rs|ws|item|run|thread|asst|step|rec|srvtoolu|ctc|mcp|ig)([-_])[A-Za-z0-9]{6,}\b/g;
const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DAY_MONTH_YEAR = new RegExp(`\\b\\d{1,2} (?:${MONTHS}) \\d{4}\\b`, "g");
const MONTH_DAY_YEAR = new RegExp(`\\b(?:${MONTHS}) \\d{1,2}, \\d{4}\\b`, "g");

/** Keys whose value is a seed or a time, whatever it looks like. */
const VOLATILE_KEY = /^(seed|random_seed|timestamp|created|created_at|updated_at|expires_at)$/;

export function maskString(value: string): string {
  return value
    .replace(PREFIXED_ID, "$1$2<id>")
    .replace(UUID, "<uuid>")
    .replace(ISO_TIME, "<time>")
    .replace(DAY_MONTH_YEAR, "<date>")
    .replace(MONTH_DAY_YEAR, "<date>");
}

/** The value with every volatile id, date and seed masked. */
export function maskVolatile(value: unknown, key: string | null = null): unknown {
  if (key !== null && VOLATILE_KEY.test(key) && (typeof value === "number" || typeof value === "string"))
    return "<volatile>";
  if (typeof value === "string") return maskString(value);
  if (Array.isArray(value)) return value.map((item) => maskVolatile(item));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskVolatile(item, name);
    return out;
  }
  return value;
}

/** JSON with sorted keys: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
