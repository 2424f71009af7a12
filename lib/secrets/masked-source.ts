import type { RecordingFile } from "@/lib/model/recording-file";
import type { Decoded } from "@/lib/recording/decode";
import { detectSecrets, detectSecretsInText } from "./detect";
import type { DetectedSecret } from "./finding";
import type { SecretlintMemo } from "./secretlint-memo";
import { maskSecrets, maskText } from "./mask";

/** Anything read from a recording file: a `ReadRecording`, a diff side, a review side. */
interface Source {
  text: string | null;
  decoded: Decoded;
}

/**
 * Every credential in a read file: from its decoded structure, or its text when it does not
 * decode. A reader of many files passes them all one `memo` (see `SecretlintMemo`).
 */
export function detectInSource(source: Source, memo?: SecretlintMemo): Promise<DetectedSecret[]> {
  if (source.decoded.ok) return detectSecrets(source.decoded.file, memo);
  return source.text === null ? Promise.resolve([]) : detectSecretsInText(source.text);
}

/** The source with every credential masked in its text and decoded form (the same object when there is none). */
export function maskSource<T extends Source>(source: T, secrets: readonly DetectedSecret[]): T {
  if (secrets.length === 0) return source;
  return {
    ...source,
    text: source.text === null ? null : maskText(source.text, secrets),
    decoded: maskSecrets(source.decoded, secrets),
  };
}

/**
 * Scans a read file and masks what it finds: the one step every output (show, the pages, the
 * API, the diff, the review) takes between reading a recording and showing it.
 */
export async function scanAndMask<T extends Source>(
  source: T,
): Promise<{ source: T; secrets: DetectedSecret[] }> {
  const secrets = await detectInSource(source);
  return { source: maskSource(source, secrets), secrets };
}

/** A decoded file as the diff holds one side: its text, the decoded file, the parsed JSON. */
interface FileSide {
  text: string | null;
  file: RecordingFile;
  raw: unknown;
}

/** Scans a decoded file side and masks what it finds (the same object when there is nothing). */
export async function scanAndMaskFile<T extends FileSide>(
  side: T,
  memo?: SecretlintMemo,
): Promise<{ side: T; secrets: DetectedSecret[] }> {
  const secrets = await detectSecrets(side.file, memo);
  if (secrets.length === 0) return { side, secrets };
  return {
    side: {
      ...side,
      text: side.text === null ? null : maskText(side.text, secrets),
      file: maskSecrets(side.file, secrets),
      raw: maskSecrets(side.raw, secrets),
    },
    secrets,
  };
}

/** `scanAndMaskFile` for a side that may be missing. */
export async function maskFileSide<T extends FileSide>(side: T | null): Promise<T | null> {
  return side === null ? null : (await scanAndMaskFile(side)).side;
}
