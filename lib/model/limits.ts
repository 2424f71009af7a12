/**
 * Bounds on what reading one file may cost. Every reader takes them; the defaults are documented
 * in the README and set from the environment (`TAPEDECK_MAX_FILE_MB`, `TAPEDECK_MAX_DECODED_MB`,
 * `TAPEDECK_MAX_YAML_ALIASES`, `TAPEDECK_MAX_STREAM_EVENTS`).
 */
export interface ReadLimits {
  /** A file larger than this on disk is listed but not parsed. */
  maxFileBytes: number;
  /**
   * A file that decompresses past this stops there and is refused; so does a body, and the
   * bodies of one file together; a YAML file's aliases may not expand it past this either.
   */
  maxDecodedBytes: number;
  /** YAML alias nodes (`*ref`) allowed in one file. */
  maxYamlAliases: number;
  /** Events (SSE events, NDJSON lines, eventstream messages) read of one stream body; the rest is cut. */
  maxStreamEvents: number;
  /** Arrays and objects (JSON, YAML) nested deeper than this are refused. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDecodedBytes: 100 * 1024 * 1024,
  maxYamlAliases: 1000,
  maxStreamEvents: 100_000,
  maxDepth: 256,
};
