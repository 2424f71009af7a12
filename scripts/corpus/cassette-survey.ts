import { join } from "node:path";
import type { Exchange, Family } from "@/lib/model/exchange";
import type { ReadLimits } from "@/lib/model/limits";
import type { RecordingFormat } from "@/lib/model/recording-file";
import { sniffContainer } from "@/lib/recording/decode";
import { isStreaming } from "@/lib/recording/exchange-json";
import { readRecording } from "@/lib/recording/read-recording";
import { discoverRecordings } from "@/lib/sources/discover";
import { pathShape, providerApi, urlPath } from "./provider-paths";
import { responsesStreamTexts, type ResponsesStreamTexts, type ResponsesTexts } from "./responses-closing";

/**
 * Opens every recording of a corpus folder the way `tapedeck check` does (discovery, then
 * `readRecording` per file, a candidate that starts like no recorder outside a recordings folder
 * skipped) and keeps what the corpus checks look at for each interaction.
 */

export interface InteractionFacts {
  /** The file's path relative to the folder, and the interaction's index. */
  file: string;
  index: number;
  family: Family;
  method: string;
  host: string;
  /** URL path without query; `shape` has its ids folded. */
  path: string;
  shape: string;
  /** The provider API the URL path calls, or null. */
  api: string | null;
  status: number | null;
  streaming: boolean;
  /** A streamed message that reassembled to nothing: no content, reasoning or tool calls. */
  emptyStream: boolean;
  /** Why the interaction could not be read fully, or null. */
  problem: string | null;
  /** For the fallbacks (generic, raw-http): why no provider took it, from the exchange's notes. */
  why: string | null;
}

export interface ResponsesStream {
  file: string;
  index: number;
  family: Family;
  /** Choice 0's reassembled content and reasoning, or null when the reply is not a message. */
  reassembled: ResponsesTexts | null;
  /** What the recorded SSE says, read apart from Tapedeck's decoder. */
  recorded: ResponsesStreamTexts & { closing: NonNullable<ResponsesStreamTexts["closing"]> };
}

export interface FolderSurvey {
  label: string;
  dir: string;
  files: number;
  formats: Partial<Record<RecordingFormat, number>>;
  /** Candidates that are not recordings (starting like no recorder, outside recordings folders). */
  skipped: string[];
  failed: { file: string; reason: string }[];
  interactions: InteractionFacts[];
  /** Streams of `/v1/responses` calls that end with a closing event (completed or incomplete). */
  responsesStreams: ResponsesStream[];
  /** Streamed `/v1/responses` replies with no closing event (nothing to compare them with). */
  responsesUnclosed: { file: string; index: number }[];
}

function emptyMessage(exchange: Exchange): boolean {
  const response = exchange.response;
  if (response.type !== "message" || !response.streaming) return false;
  return response.choices.every(
    (choice) => choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0,
  );
}

/** The recorded response bodies of a cassette's calls, opened again through its container. */
function responseBodies(text: string, relPath: string, limits: ReadLimits): unknown[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const container = sniffContainer(body.slice(0, 4096));
  if (!container) return [];
  return container.open(body, relPath, limits).calls.map((call) => call.envelope.response.body);
}

export async function surveyFolder(label: string, dir: string, limits: ReadLimits): Promise<FolderSurvey> {
  const survey: FolderSurvey = {
    label,
    dir,
    files: 0,
    formats: {},
    skipped: [],
    failed: [],
    interactions: [],
    responsesStreams: [],
    responsesUnclosed: [],
  };
  const queue = [...(await discoverRecordings(dir))];
  async function worker(): Promise<void> {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { decoded, text } = await readRecording(file.path, file.relPath, limits);
      if (!decoded.ok) {
        if (!decoded.startsLikeRecording && !file.inRecordingFolder) {
          survey.skipped.push(file.relPath);
          continue;
        }
        survey.files++;
        survey.failed.push({ file: file.relPath, reason: decoded.reason });
        continue;
      }
      survey.files++;
      const { format, interactions } = decoded.file;
      survey.formats[format] = (survey.formats[format] ?? 0) + 1;
      let bodies: unknown[] | null = null;
      for (const { index, exchange, http, problem } of interactions) {
        const path = urlPath(http?.url ?? exchange.request.url ?? "");
        const api = providerApi(path);
        survey.interactions.push({
          file: file.relPath,
          index,
          family: exchange.family,
          method: http?.method ?? exchange.request.method ?? "",
          host: http?.host ?? exchange.request.host ?? "(no host)",
          path,
          shape: pathShape(path),
          api,
          status: http?.status ?? null,
          streaming: isStreaming(exchange),
          emptyStream: emptyMessage(exchange),
          problem,
          why:
            exchange.family === "generic" || exchange.family === "raw-http"
              ? exchange.notes.join("; ")
              : null,
        });
        if (api !== "responses" || text === null || format === "llama-stack") continue;
        bodies ??= responseBodies(text, file.relPath, limits);
        const body = bodies[index];
        if (typeof body !== "string") continue;
        const { closing, streamed } = responsesStreamTexts(body);
        if (closing === null) {
          if (isStreaming(exchange)) survey.responsesUnclosed.push({ file: file.relPath, index });
          continue;
        }
        const response = exchange.response;
        const choice = response.type === "message" ? response.choices[0] : undefined;
        survey.responsesStreams.push({
          file: file.relPath,
          index,
          family: exchange.family,
          reassembled:
            response.type === "message"
              ? { text: choice?.content ?? "", reasoning: choice?.reasoning ?? "" }
              : null,
          recorded: { closing, streamed },
        });
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  const byFile = (a: { file: string }, b: { file: string }) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  survey.failed.sort(byFile);
  survey.skipped.sort();
  survey.interactions.sort((a, b) => byFile(a, b) || a.index - b.index);
  survey.responsesStreams.sort((a, b) => byFile(a, b) || a.index - b.index);
  return survey;
}

/** The path a figure names: the folder's label and the file, `#index` for an interaction. */
export function shown(survey: FolderSurvey, file: string, index?: number): string {
  return `${join(survey.label, file)}${index === undefined ? "" : `#${index}`}`;
}
