import type { Envelope } from "@/lib/model/envelope";
import type { FailureKind } from "@/lib/model/failure";
import type { ReadLimits } from "@/lib/model/limits";
import type { HttpDetails, RecordingFormat } from "@/lib/model/recording-file";

/** One call a container found, handed to the providers. */
export interface ContainerCall {
  /** The call as the providers read it (`origin: "http"` for cassettes). */
  envelope: Envelope;
  http: HttpDetails | null;
  /** Why a body could not be decoded (past the cap, corrupt eventstream, bad base64), else null. */
  problem: string | null;
  /** The interaction as it is in the file, for the raw view. */
  raw: unknown;
}

export interface OpenedContainer {
  format: RecordingFormat;
  /** The test the file belongs to, from its content or the recorder's naming scheme. */
  test: string | null;
  calls: ContainerCall[];
  notes: string[];
}

/**
 * One recorder's files. `sniff` looks at the start of the text only (top-level keys, first
 * line) and says whether the file starts like this recorder's; `open` finds the interactions and
 * undoes the body encodings, or throws `ContainerError` with a reason a reader understands.
 */
export interface Container {
  format: RecordingFormat;
  sniff(head: string): boolean;
  open(text: string, relPath: string, limits: ReadLimits): OpenedContainer;
  /**
   * For recorders whose files are bytes, not text (httprr keeps raw bodies, gzip and all): reads
   * the file's bytes, so a body that is not UTF-8 is that interaction's business, not the file's.
   */
  openBytes?(bytes: Uint8Array, relPath: string, limits: ReadLimits): OpenedContainer;
}

/** A file that starts like a recording of this container's format but cannot be read as one. */
export class ContainerError extends Error {
  constructor(
    message: string,
    /** The kind of failure; most are a broken container (`schema-mismatch`). */
    readonly kind: FailureKind = "schema-mismatch",
  ) {
    super(message);
    this.name = "ContainerError";
  }
}
