import type { RecordingFormat } from "@/lib/model/recording-file";

/** Folders that hold cassettes, whose parent names the suite. */
const CASSETTE_FOLDERS = new Set(["cassettes", "vcr_cassettes", "testdata", "recordings"]);
/** Folder names that say nothing about a suite. */
const GENERIC_FOLDERS = new Set(["tests", "test", "spec", "fixtures", "__tests__", "src"]);

/**
 * The suite a recording belongs to, from its path. llama-stack: `tests/integration/<suite>/
 * recordings/x.json` → `<suite>`; the legacy `recordings/<kind>/x.json` → `<kind>`; otherwise
 * the parent folder. Cassettes: the package around the cassettes folder
 * (`tests/models/cassettes/…` → `models`, `providers/anthropic/testdata/…` → `anthropic`,
 * `packages/instrumentation-openai/recordings/…` → `instrumentation-openai`).
 */
export function suiteOf(relPath: string, format: RecordingFormat | null = "llama-stack"): string {
  const segments = relPath.split("/");
  if (format !== "llama-stack" && format !== null) {
    for (let at = segments.length - 2; at >= 0; at--) {
      if (!CASSETTE_FOLDERS.has(segments[at] ?? "")) continue;
      for (let before = at - 1; before >= 0; before--) {
        const name = segments[before] ?? "";
        if (!GENERIC_FOLDERS.has(name)) return name;
      }
      return segments[at + 1] !== undefined && at + 1 < segments.length - 1
        ? (segments[at + 1] ?? "")
        : (segments[at] ?? "");
    }
  }
  const at = segments.lastIndexOf("recordings");
  if (at !== -1) {
    const after = segments.length - at - 1;
    if (after >= 2) return segments[at + 1] ?? "(root)";
    if (at >= 1) return segments[at - 1] ?? "(root)";
    return "recordings";
  }
  return segments.length >= 2 ? (segments[segments.length - 2] ?? "(root)") : "(root)";
}
