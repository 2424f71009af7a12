import type { Exchange } from "@/lib/model/exchange";
import type { Interaction, RecordingFile } from "@/lib/model/recording-file";
import { isStreaming } from "@/lib/recording/exchange-json";
import type { ReadRecording } from "@/lib/recording/read-recording";
import type { DetectedSecret } from "@/lib/secrets/finding";
import { maskSource } from "@/lib/secrets/masked-source";
import type { InteractionSummary, RecordingSummary } from "./summary-schema";
import { parseTestId } from "./test-id";
import { suiteOf } from "./suite";

const EXCERPT = 240;
/**
 * Whitespace that flattening changes: a run, or any whitespace but a space. Single spaces are left
 * alone rather than replaced by themselves (most of the matches of \s+ in prose).
 */
const UNFLAT = /\s\s|[^\S ]/;
const FLATTEN = /\s{2,}|[^\S ]/g;

/** An endpoint (a URL path) is kept up to this many characters: a 1 MB URL must not make a 1 MB summary. */
const ENDPOINT = 300;

function clipped(text: string | null): string | null {
  return text !== null && text.length > ENDPOINT ? `${text.slice(0, ENDPOINT)}…` : text;
}

/**
 * The text on one line, cut to `EXCERPT` characters. Only a prefix is flattened (a reply or a
 * model list can be megabytes): flattening is local, so a prefix that flattens to more than the
 * excerpt (and a character, lest a cut whitespace run end it) gives the same excerpt as the whole.
 */
export function excerpt(text: string): string {
  // Most prompts and replies are short or plainly spaced, and their excerpt is their start as it
  // is: a test is cheaper than a replace (which matched every space), by a CPU profile of indexing.
  // A start that ends in a character other than a space is not shortened by trimming either.
  const head = text.length > EXCERPT ? text.slice(0, EXCERPT + 1) : text;
  if (head.charCodeAt(0) !== 0x20 && head.charCodeAt(head.length - 1) !== 0x20 && !UNFLAT.test(head)) {
    return head === text ? text : `${text.slice(0, EXCERPT)}…`;
  }
  for (let take = 4 * EXCERPT; ; take *= 2) {
    const whole = take >= text.length;
    const flat = (whole ? text : text.slice(0, take)).replace(FLATTEN, " ").trimStart();
    if (whole || flat.length > EXCERPT + 1) {
      const trimmed = whole ? flat.trimEnd() : flat;
      return trimmed.length > EXCERPT ? `${trimmed.slice(0, EXCERPT)}…` : trimmed;
    }
  }
}

function lastUserText(exchange: Exchange): string {
  const messages = exchange.request.messages;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== "user") continue;
    const only = message.parts.length === 1 ? message.parts[0] : undefined;
    // Most messages are one text part: taken as it is, not copied by a join.
    const text =
      only?.type === "text"
        ? only.text
        : message.parts
            .map((part) => (part.type === "text" ? part.text : part.type === "image" ? "[image]" : ""))
            .join(" ");
    if (text.trim()) return text;
  }
  return "";
}

function replyText(exchange: Exchange): string {
  const response = exchange.response;
  switch (response.type) {
    case "message": {
      const first = response.choices[0];
      if (!first) return "";
      if (first.content) return first.content;
      if (first.toolCalls.length > 0) {
        return first.toolCalls.map((call) => `${call.name ?? "?"}(${call.arguments})`).join(" ");
      }
      return first.reasoning;
    }
    case "embeddings":
      return `${response.count} × ${response.dimension} embeddings`;
    case "models":
      return response.models.map((model) => model.id).join(", ");
    case "result":
      return response.text ?? "";
    case "error":
      return `${response.error.type}: ${response.error.message}`;
    case "unknown":
      return "";
  }
}

function statusOf(interaction: Interaction): number | null {
  if (interaction.http) return interaction.http.status;
  const response = interaction.exchange.response;
  if (response.type === "result") return response.status;
  if (response.type === "error") return response.error.status;
  return null;
}

export function summarizeInteraction(interaction: Interaction): InteractionSummary {
  const { exchange } = interaction;
  const response = exchange.response;
  return {
    index: interaction.index,
    family: exchange.family,
    kind: exchange.kind,
    provider: exchange.provider,
    providerDetail: exchange.providerDetail,
    model: exchange.model,
    method: interaction.http?.method ?? exchange.request.method,
    endpoint: clipped(exchange.request.endpoint),
    host: interaction.http?.host ?? exchange.request.host,
    status: statusOf(interaction),
    streaming: isStreaming(exchange),
    chunks: response.type === "message" ? response.chunks.length : 0,
    error: response.type === "error" ? excerpt(`${response.error.type}: ${response.error.message}`) : null,
    toolCalls: response.type === "message" ? response.choices.reduce((n, c) => n + c.toolCalls.length, 0) : 0,
    problem: interaction.problem,
    prompt: excerpt(lastUserText(exchange)),
    reply: excerpt(replyText(exchange)),
  };
}

/** The interaction that stands for the file in lists: the first one a provider decoded, else the first. */
function headline(interactions: InteractionSummary[]): InteractionSummary | undefined {
  return interactions.find((interaction) => interaction.family !== "generic") ?? interactions[0];
}

/** What every summary starts with: where the file is, its size and time. */
interface FileBase {
  relPath: string;
  fileName: string;
  suite: string;
  size: number;
  mtimeMs: number;
}

/**
 * Built as one literal, not spread from parts: spreading objects of twenty keys was half the
 * time of summarizing (a CPU profile of indexing the corpus).
 */
function fileSummary(
  { relPath, fileName, suite, size, mtimeMs }: FileBase,
  file: RecordingFile,
): RecordingSummary {
  const interactions = file.interactions.map(summarizeInteraction);
  const first = headline(interactions);
  const testId = file.test;
  return {
    relPath,
    fileName,
    suite,
    size,
    mtimeMs,
    broken: null,
    format: file.format,
    interactions,
    family: first?.family ?? null,
    kind: first?.kind ?? null,
    provider: first?.provider ?? null,
    providerDetail: first?.providerDetail ?? null,
    model: first?.model ?? null,
    endpoint: first?.endpoint ?? null,
    testId,
    test: testId
      ? parseTestId(testId, first?.model ?? null, file.format === "llama-stack" ? null : relPath)
      : null,
    streaming: interactions.some((interaction) => interaction.streaming),
    chunks: interactions.reduce((n, interaction) => n + interaction.chunks, 0),
    error: interactions.find((interaction) => interaction.error !== null)?.error ?? null,
    toolCalls: interactions.reduce((n, interaction) => n + interaction.toolCalls, 0),
    prompt: first?.prompt ?? "",
    reply: first?.reply ?? "",
  };
}

/**
 * The summary of a read file. `secrets` are the credentials found in it: their fingerprints are
 * kept, and the excerpts (prompt, reply, error) show them masked. Without `secrets` the file is
 * not scanned yet (`secrets` stays absent; the index scans it after indexing).
 */
export function summarize(
  relPath: string,
  read: ReadRecording,
  mtimeMs: number,
  secrets?: readonly DetectedSecret[],
): RecordingSummary {
  if (secrets === undefined) return summarizeRead(relPath, read, mtimeMs);
  // Excerpts are cut from the masked file: cut first, a credential could lose its end and its mask.
  const summary = summarizeRead(relPath, secrets.length === 0 ? read : maskSource(read, secrets), mtimeMs);
  summary.secrets = secrets.map((secret) => secret.fingerprint);
  return summary;
}

function summarizeRead(relPath: string, read: ReadRecording, mtimeMs: number): RecordingSummary {
  const fileName = relPath.slice(relPath.lastIndexOf("/") + 1);
  const format = read.decoded.ok ? read.decoded.file.format : null;
  const base = { relPath, fileName, suite: suiteOf(relPath, format), size: read.size, mtimeMs };
  const { decoded } = read;
  if (!decoded.ok) {
    return {
      ...base,
      // A broken file is rare: its summary may be spread.
      broken: { kind: decoded.kind, reason: decoded.reason },
      format: null,
      interactions: [],
      family: null,
      kind: null,
      provider: null,
      providerDetail: null,
      model: null,
      endpoint: null,
      testId: null,
      test: null,
      streaming: false,
      chunks: 0,
      error: null,
      toolCalls: 0,
      prompt: "",
      reply: "",
    };
  }
  return fileSummary(base, decoded.file);
}
