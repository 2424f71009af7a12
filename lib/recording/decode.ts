import { gunzipSync } from "node:zlib";
import type { Container, ContainerCall, OpenedContainer } from "@/lib/containers/container";
import { ContainerError } from "@/lib/containers/container";
import { collectGarbage } from "@/lib/containers/collect-garbage";
import { invalidUtf8Position } from "@/lib/containers/invalid-utf8";
import { llamaStackContainer, openLlamaStackValue, parseJsonFile } from "@/lib/containers/llama-stack";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import type { FailureKind } from "@/lib/model/failure";
import { environmentLimits } from "@/lib/config";
import type { ReadLimits } from "@/lib/model/limits";
import type { Interaction, RecordingFile } from "@/lib/model/recording-file";
import { SchemaMismatch } from "@/lib/providers/decoder";
import { genericDecoder } from "@/lib/providers/generic";
import { DECODERS } from "@/lib/providers/registry";
import { CONTAINERS } from "./containers";
import { testFromPath } from "./test-from-path";

export type Decoded =
  | { ok: true; file: RecordingFile; raw: unknown }
  | {
      ok: false;
      kind: FailureKind;
      reason: string;
      /** The parsed JSON when the file was valid JSON (llama-stack), else undefined. */
      raw: unknown;
      /**
       * The file starts like a recording (a recorder's top-level keys or first line, gzip magic).
       * A candidate that does not is skipped by discovery unless it sits in a recordings folder.
       */
      startsLikeRecording: boolean;
    };

const HEAD = 4096;

/** The provider decoders, first claim wins, generic last. Throws `SchemaMismatch` on bad shapes. */
export function decodeEnvelope(envelope: Envelope): Exchange {
  for (const decoder of DECODERS) if (decoder.claims(envelope)) return decoder.decode(envelope);
  return genericDecoder.decode(envelope);
}

function failure(kind: FailureKind, reason: string, startsLikeRecording: boolean, raw?: unknown): Decoded {
  return { ok: false, kind, reason, raw, startsLikeRecording };
}

function describe(error: unknown): string {
  if (error instanceof SchemaMismatch) return `schema mismatch at ${error.message}`;
  return `could not decode: ${error instanceof Error ? error.message : String(error)}`;
}

/** Decodes one call of a cassette; a call the providers cannot read opens generic, with its problem. */
function decodeCall(call: ContainerCall, index: number): Interaction {
  try {
    return {
      index,
      exchange: decodeEnvelope(call.envelope),
      http: call.http,
      problem: call.problem,
      raw: call.raw,
      envelope: call.envelope,
    };
  } catch (error) {
    const exchange = genericDecoder.decode(call.envelope);
    const problem = [call.problem, describe(error)].filter((part) => part !== null).join("; ");
    return { index, exchange, http: call.http, problem, raw: call.raw, envelope: call.envelope };
  }
}

/** The container whose files start like `head`, else null. */
export function sniffContainer(head: string): Container | null {
  return CONTAINERS.find((container) => container.sniff(head)) ?? null;
}

/** Opens a llama-stack recording from its parsed JSON: one call, which is the file. */
function openLlamaStack(raw: unknown, startsLikeRecording: boolean): Decoded {
  try {
    const opened = openLlamaStackValue(raw);
    const call = opened.calls[0];
    if (!call) return failure("not-a-recording", "the recording holds no call", startsLikeRecording, raw);
    // A call the providers cannot read fails the file: there is nothing else in it to show.
    const exchange = decodeEnvelope(call.envelope);
    return {
      ok: true,
      raw,
      file: {
        format: "llama-stack",
        test: opened.test ?? exchange.testId,
        interactions: [{ index: 0, exchange, http: null, problem: null, raw }],
        notes: opened.notes,
      },
    };
  } catch (error) {
    if (error instanceof ContainerError) {
      return failure(error.kind, error.message, startsLikeRecording, raw);
    }
    return failure("schema-mismatch", describe(error), true, raw);
  }
}

function openWith(
  container: Container,
  text: string,
  relPath: string,
  limits: ReadLimits,
  sniffed: boolean,
): Decoded {
  if (container === llamaStackContainer) {
    let raw: unknown;
    try {
      raw = parseJsonFile(text, limits);
    } catch (error) {
      if (error instanceof ContainerError) return failure(error.kind, error.message, sniffed);
      throw error;
    }
    return openLlamaStack(raw, sniffed);
  }
  return openedFile(() => container.open(text, relPath, limits), relPath);
}

/** The file a container opened, its calls decoded; a `ContainerError` is the file's failure. */
function openedFile(open: () => OpenedContainer, relPath: string): Decoded {
  try {
    const opened = open();
    return {
      ok: true,
      raw: undefined,
      file: {
        format: opened.format,
        test: opened.test ?? testFromPath(relPath),
        interactions: opened.calls.map(decodeCall),
        notes: opened.notes,
      },
    };
  } catch (error) {
    if (error instanceof ContainerError) return failure(error.kind, error.message, true);
    return failure("schema-mismatch", describe(error), true);
  }
}

/**
 * Decodes the text of a recording file of any format. `relPath` gives the test when the content
 * does not say. Never throws.
 */
export function decodeText(text: string, relPath = "", limits: ReadLimits = environmentLimits()): Decoded {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return failure("empty", "the file is empty", false);
  const head = body.slice(0, HEAD);
  const container = sniffContainer(head);
  if (container) return openWith(container, body, relPath, limits, true);
  const start = head.trimStart().charCodeAt(0);
  if (start === 0x7b || start === 0x5b || /\.json$/i.test(relPath)) {
    // JSON that names no recorder: llama-stack's reader says what it lacks (or where it is invalid).
    return openWith(llamaStackContainer, body, relPath, limits, false);
  }
  return failure("not-a-recording", "not a recording: no recorder's format starts like this file", false);
}

/** Decodes an already parsed llama-stack recording. Never throws. */
export function decodeValue(raw: unknown): Decoded {
  return openLlamaStack(raw, true);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Files past this leave hundreds of MB of garbage behind (text, parser events, bodies). */
const LARGE_FILE = 8 * 1024 * 1024;
let largeSinceCollection = false;

/**
 * Decodes a file's bytes: a whole-file gzip (`.yaml.gz`, `.httprr.gz`) is undone first, bounded by
 * the decoded-size cap. Returns the text read (for the raw view) beside the result.
 */
export function decodeBytes(
  bytes: Uint8Array,
  relPath = "",
  limits: ReadLimits = environmentLimits(),
): { text: string | null; decoded: Decoded } {
  // What a large file left behind is collected before the next one adds to it, so reading a
  // folder of them (check, the index) stays near the largest one's peak, not their sum.
  if (largeSinceCollection) {
    largeSinceCollection = false;
    collectGarbage();
  }
  if (bytes.length > LARGE_FILE) largeSinceCollection = true;
  if (bytes.length > limits.maxFileBytes) {
    // Files on disk are refused before they are read; this is for bytes from git.
    const reason = `the file is ${mb(bytes.length)}, over the ${mb(limits.maxFileBytes)} limit; it is not parsed`;
    return { text: null, decoded: failure("too-large", reason, true) };
  }
  let data = bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: limits.maxDecodedBytes });
      if (data.length > LARGE_FILE) largeSinceCollection = true;
    } catch (error) {
      const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
      const reason =
        code === "ERR_BUFFER_TOO_LARGE"
          ? `the gzip file expands past the ${mb(limits.maxDecodedBytes)} limit; it was not read`
          : `the gzip file is corrupt: ${error instanceof Error ? error.message : String(error)}`;
      return {
        text: null,
        decoded: failure(code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : "unreadable", reason, true),
      };
    }
  }
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  // A recorder of raw bytes (httprr) reads the bytes: a body that is not UTF-8 is not the file's fault.
  const container = sniffContainer(text.slice(0, HEAD));
  if (container?.openBytes) {
    const open = container.openBytes.bind(container);
    return { text, decoded: openedFile(() => open(data, relPath, limits), relPath) };
  }
  // Decoding replaced invalid UTF-8 with U+FFFD; only then are the bytes checked one by one.
  if (text.includes("\uFFFD")) {
    try {
      utf8.decode(data);
    } catch {
      const where = invalidUtf8Position(data);
      return {
        text: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1"),
        decoded: failure("invalid-encoding", `the file is not valid UTF-8${where ? `: ${where}` : ""}`, true),
      };
    }
  }
  return { text, decoded: decodeText(text, relPath, limits) };
}
