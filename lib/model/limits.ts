/**
 * Bounds on what reading one file may cost. Every reader takes them; the defaults are documented
 * in the README and set from the environment (`TAPEDECK_MAX_FILE_MB`, `TAPEDECK_MAX_DECODED_MB`,
 * `TAPEDECK_MAX_YAML_ALIASES`).
 */
export interface ReadLimits {
  /** A file larger than this on disk is listed but not parsed. */
  maxFileBytes: number;
  /** A body or file that decompresses or decodes past this stops there and is refused. */
  maxDecodedBytes: number;
  /** YAML alias nodes (`*ref`) allowed in one file. */
  maxYamlAliases: number;
  /** Arrays and objects (JSON, YAML) nested deeper than this are refused. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDecodedBytes: 100 * 1024 * 1024,
  maxYamlAliases: 1000,
  maxDepth: 256,
};
