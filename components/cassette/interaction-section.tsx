import type { Interaction } from "@/lib/model/recording-file";
import { interactionId, statusTone } from "@/lib/views/recording/cassette-view";
import { RequestPanel } from "@/components/recording/request-panel";
import { ResponsePanel } from "@/components/recording/response-panel";
import { frameRows } from "@/lib/views/recording/frames-view";
import { FramesList } from "./frames-list";
import { HttpHeaders } from "./http-headers";
import styles from "./cassette.module.css";
import { STATUS_TONES } from "./interaction-strip";

/** Text in the heading and the note is shown up to this many characters: a 1 MB URL must not make a 1 MB page. */
const SHOWN = 2000;

function shown(text: string): string {
  if (text.length <= SHOWN) return text;
  return `${text.slice(0, SHOWN)}… (${(text.length - SHOWN).toLocaleString("en-US")} more characters)`;
}

function metaText(meta: Record<string, unknown>): string[] {
  return Object.entries(meta).flatMap(([key, value]) => {
    if (value === null || value === undefined || value === "") return [];
    if (typeof value === "object") return [];
    return [`${key} ${String(value)}`];
  });
}

/**
 * One interaction of a cassette: the HTTP line and status, what the providers made of it, the
 * headers (collapsed), then today's request and response views. Ids inside are prefixed with
 * `interaction-N-`, so `#interaction-N-chunk-M` links to a chunk of its stream.
 */
export function InteractionSection({ interaction, relPath }: { interaction: Interaction; relPath: string }) {
  const { exchange, http, index } = interaction;
  const id = interactionId(index);
  const status = http?.status ?? null;
  const method = http?.method ?? exchange.request.method ?? "";
  const url = http?.url ?? exchange.request.url ?? "";
  const frames = exchange.kind === "frames" ? frameRows(exchange.response) : null;
  const facts = [
    frames ? "frames" : exchange.family === "generic" ? "not decoded by a provider" : exchange.family,
    exchange.model,
    exchange.providerDetail,
    ...metaText(http?.meta ?? {}),
  ].filter((fact): fact is string => typeof fact === "string" && fact !== "");
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={styles.section}>
      <header className="space-y-1">
        <h2 id={`${id}-heading`} className={styles.heading}>
          <a href={`#${id}`} className={styles.anchor}>
            #{index}
          </a>
          <span className="font-mono">{method}</span>
          <span className={styles.url}>{shown(url)}</span>
          {status !== null && (
            <span className={`${styles.status} ${STATUS_TONES[statusTone(status)]}`}>
              → {status}
              {http?.statusText ? ` ${http.statusText}` : ""}
            </span>
          )}
        </h2>
        <p className="text-xs text-zinc-500">{facts.join(" · ")}</p>
      </header>
      {interaction.problem && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          This interaction could not be read fully: {interaction.problem}
        </p>
      )}
      {exchange.family === "generic" && !frames && exchange.notes.length > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{shown(exchange.notes[0] ?? "")}</p>
      )}
      {http && (http.requestHeaders.length > 0 || http.responseHeaders.length > 0) && (
        <HttpHeaders request={http.requestHeaders} response={http.responseHeaders} />
      )}
      {frames ? (
        <FramesList
          rows={frames}
          summary={exchange.response.type === "result" ? exchange.response.text : null}
        />
      ) : (
        <>
          <RequestPanel request={exchange.request} idPrefix={`${id}-`} level={3} />
          <ResponsePanel
            response={exchange.response}
            notes={exchange.notes}
            idPrefix={`${id}-`}
            level={3}
            source={{ relPath, interaction: index }}
          />
        </>
      )}
    </section>
  );
}
