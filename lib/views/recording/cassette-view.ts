import type { Interaction, RecordingFile, RecordingFormat } from "@/lib/model/recording-file";
import type { CodeLanguage } from "@/lib/views/highlight-code";

/** Interactions shown in full on one page of a cassette; longer cassettes are paged. */
export const INTERACTIONS_PER_PAGE = 50;
/** Up to this many interactions, the strip lists them all (linking across pages). */
export const STRIP_ALL_UP_TO = 300;

export const FORMAT_LABELS: Record<RecordingFormat, string> = {
  "llama-stack": "llama-stack recording",
  vcrpy: "vcrpy cassette",
  "go-vcr": "go-vcr cassette",
  "ruby-vcr": "Ruby VCR cassette",
  har: "Polly HAR recording",
  langchain: "LangChain cassette (gzip'd vcrpy)",
  httprr: "httprr trace",
};

/** How the raw file is shown: its language for highlighting and the section's title. */
export function rawFileStyle(format: RecordingFormat): { language: CodeLanguage; title: string } {
  if (format === "llama-stack") return { language: "json", title: "Raw JSON" };
  if (format === "har") return { language: "json", title: "Raw HAR" };
  if (format === "httprr") return { language: "text", title: "Raw trace" };
  return { language: "yaml", title: "Raw YAML" };
}

/** Element id of an interaction's section, and the prefix of the ids inside it. */
export function interactionId(index: number): string {
  return `interaction-${index}`;
}

export type StatusTone = "ok" | "redirect" | "client-error" | "server-error" | "none";

export function statusTone(status: number | null): StatusTone {
  if (status === null) return "none";
  if (status >= 500) return "server-error";
  if (status >= 400) return "client-error";
  if (status >= 300) return "redirect";
  return "ok";
}

/** One row of the strip of interactions on top of a cassette's page. */
export interface StripRow {
  index: number;
  method: string;
  host: string;
  path: string;
  model: string | null;
  status: number | null;
  tone: StatusTone;
  streamed: boolean;
  family: string;
  kind: string;
  /** Chunks of a stream, 0 otherwise. */
  chunks: number;
  error: boolean;
  problem: boolean;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    const start = url.indexOf("://");
    const slash = start === -1 ? url.indexOf("/") : url.indexOf("/", start + 3);
    return slash === -1 ? "" : url.slice(slash);
  }
}

/** Long paths are cut in the strip (the section shows the whole URL). */
const STRIP_PATH = 120;

export function stripRow(interaction: Interaction): StripRow {
  const { exchange, http } = interaction;
  const response = exchange.response;
  const url = http?.url ?? exchange.request.url ?? "";
  const path = pathOf(url);
  const status =
    http?.status ??
    (response.type === "result" ? response.status : response.type === "error" ? response.error.status : null);
  const streamed = (response.type === "message" || response.type === "result") && response.streaming;
  return {
    index: interaction.index,
    method: http?.method ?? exchange.request.method ?? "",
    host: http?.host ?? exchange.request.host ?? "",
    path: path.length > STRIP_PATH ? `${path.slice(0, STRIP_PATH)}…` : path,
    model: exchange.model,
    status,
    tone: statusTone(status),
    streamed,
    family: exchange.family,
    kind: exchange.kind,
    chunks: response.type === "message" ? response.chunks.length : 0,
    error: response.type === "error",
    problem: interaction.problem !== null,
  };
}

export interface CassettePage {
  /** 1-based page of interactions shown, and how many pages there are. */
  page: number;
  pages: number;
  /** The interactions shown in full on this page. */
  shown: Interaction[];
  /** The strip's rows: every interaction when few, else this page's. */
  strip: (StripRow & { page: number })[];
  total: number;
}

/** The page of a cassette's interactions to show; `page` out of range is clamped. */
export function cassettePage(
  file: RecordingFile,
  page: number,
  perPage = INTERACTIONS_PER_PAGE,
): CassettePage {
  const total = file.interactions.length;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const shown = file.interactions.slice((current - 1) * perPage, current * perPage);
  const stripped = total <= STRIP_ALL_UP_TO ? file.interactions : shown;
  const strip = stripped.map((interaction) => ({
    ...stripRow(interaction),
    page: pageOfInteraction(interaction.index, perPage),
  }));
  return { page: current, pages, shown, strip, total };
}

/** The page that holds interaction `index`. */
export function pageOfInteraction(index: number, perPage = INTERACTIONS_PER_PAGE): number {
  return Math.floor(index / perPage) + 1;
}
