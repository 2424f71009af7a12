import type { ReadRecording } from "@/lib/recording/read-recording";
import { notAllowed } from "@/lib/secrets/allow-list";
import { publicFinding, type DetectedSecret, type SecretFinding } from "@/lib/secrets/finding";
import { maskSource } from "@/lib/secrets/masked-source";
import { summarize } from "./summary";
import type { RecordingSummary } from "./summary-schema";

/** A recording as every page and the API see it. */
export interface OpenedRecording {
  summary: RecordingSummary;
  /** The file as read, every credential in it masked (what every page and the API show). */
  read: ReadRecording;
  /** The credentials found in it that the allow-list does not cover (without their values). */
  secrets: SecretFinding[];
}

/**
 * A file as read, masked, with the credentials found in it and its summary: the one indexed
 * (`keep`), or made again from this read (a file that changed, one scanned now).
 */
export function openedRecording(
  summary: RecordingSummary,
  read: ReadRecording,
  detected: DetectedSecret[],
  allowed: ReadonlySet<string>,
  keep: boolean,
): OpenedRecording {
  return {
    summary: keep ? summary : summarize(summary.relPath, read, read.mtimeMs, detected),
    read: maskSource(read, detected),
    secrets: notAllowed(detected, allowed).map(publicFinding),
  };
}
