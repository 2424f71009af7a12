/** Why a file could not be opened, by kind (the reason says it in a reader's words). */
export const FAILURE_KINDS = [
  "missing",
  "unreadable",
  "too-large",
  "invalid-encoding",
  "too-deep",
  "empty",
  "invalid-json",
  "invalid-yaml",
  "not-a-recording",
  "schema-mismatch",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A file that could not be opened. */
export interface Failure {
  kind: FailureKind;
  reason: string;
}
