import type { Envelope } from "./envelope";
import type { Exchange } from "./exchange";

/** The recorder that wrote a file (decided by content, never by name). */
export const RECORDING_FORMATS = [
  "llama-stack",
  "vcrpy",
  "go-vcr",
  "ruby-vcr",
  "har",
  "langchain",
  "httprr",
] as const;
export type RecordingFormat = (typeof RECORDING_FORMATS)[number];

/** One header line as recorded (names keep their recorded case; a repeated name is repeated). */
export interface HttpHeader {
  name: string;
  value: string;
}

/** What an HTTP cassette records beyond the call itself. */
export interface HttpDetails {
  method: string;
  url: string;
  host: string | null;
  /** Null when the recorder kept no status (a WebSocket log). */
  status: number | null;
  statusText: string | null;
  requestHeaders: HttpHeader[];
  responseHeaders: HttpHeader[];
  /**
   * Recorder metadata that is not part of the call: go-vcr `duration`, Ruby VCR `recorded_at`,
   * HAR `startedDateTime`, `time`, `timings`, Polly `_id`. Shown, and noise for comparisons.
   */
  meta: Record<string, unknown>;
}

/** One recorded call of a file, numbered from 0 in recorded order. */
export interface Interaction {
  index: number;
  exchange: Exchange;
  /** Null for llama-stack recordings, which keep no HTTP details. */
  http: HttpDetails | null;
  /**
   * Why this interaction could not be read fully (a body past the size cap, a corrupt
   * eventstream, bad base64). The exchange then shows what could be read.
   */
  problem: string | null;
  /** The interaction as it is in the file (after parsing), for the raw view. */
  raw: unknown;
  /**
   * A cassette's call as the providers read it (bodies decoded): comparisons diff the bodies in
   * this form. Absent for llama-stack recordings, whose `raw` is the envelope.
   */
  envelope?: Envelope;
}

/** A decoded recording file: a llama-stack recording (one interaction) or a cassette. */
export interface RecordingFile {
  format: RecordingFormat;
  /** The test the file belongs to: from its content where it says, else from its path. */
  test: string | null;
  interactions: Interaction[];
  /** Things a reader should know about the file as a whole. */
  notes: string[];
}
