/** One difference between two recordings, in the reader's terms. */
export interface Change {
  /** Where, as a JSON path (`body.messages[1].content`, `choices[0].tool_calls[0].arguments`). */
  path: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
  /** For a difference that is noise: the named rule that made it noise (`timestamp`, `provider-id`). */
  rule?: string;
}

export type PathSegment = string | number;

/** `["body", "messages", 1, "content"]` → `body.messages[1].content`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
