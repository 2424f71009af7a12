import type { OpenedRecording } from "@/lib/index/opened-recording";
import { recordingHref } from "@/lib/urls";
import type { RecordingFile } from "@/lib/model/recording-file";
import { formatCount } from "@/lib/views/recording/format";
import {
  cassettePage,
  FORMAT_LABELS,
  INTERACTIONS_PER_PAGE,
  rawFileStyle,
} from "@/lib/views/recording/cassette-view";
import { HIGHLIGHT_HEAD, HIGHLIGHT_LIMIT } from "@/lib/views/recording/raw-json";
import { loadRawJson } from "@/app/recordings/[...path]/actions";
import { RAW_JSON_ID, RawJson } from "@/components/recording/raw-json";
import { RecordingHeader } from "@/components/recording/recording-header";
import { SecretsNotice } from "@/components/recording/secrets-notice";
import { InteractionHashJump } from "./interaction-hash-jump";
import { InteractionPager } from "./interaction-pager";
import { InteractionSection } from "./interaction-section";
import { InteractionStrip } from "./interaction-strip";

/**
 * Of a paged cassette, every page carries the same highlighted head of the raw file (twice: in the
 * HTML and in React's payload), beside its 50 interactions: a shorter one keeps the page light.
 */
const PAGED_RAW_HEAD = HIGHLIGHT_HEAD / 2;

/** Distinct values, most frequent first, as one line (`a (3), b`). */
function distinct(values: (string | null)[], max = 4): string {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const shown = sorted.slice(0, max).map(([value, n]) => (n > 1 ? `${value} (${n})` : value));
  return sorted.length > max
    ? `${shown.join(", ")} and ${sorted.length - max} more`
    : shown.join(", ") || "–";
}

interface CassetteViewProps {
  opened: OpenedRecording;
  file: RecordingFile;
  rawText: string;
  githubUrl: string | null;
  /** The page of interactions asked for (`?page=`). */
  page: number;
}

/** A cassette's page: what it is, a strip of every interaction, each interaction in full, the raw file. */
export async function CassetteView({ opened, file, rawText, githubUrl, page: asked }: CassetteViewProps) {
  const { summary } = opened;
  const page = cassettePage(file, asked);
  const loadRaw = loadRawJson.bind(null, summary.relPath);
  const style = rawFileStyle(file.format);
  const interactions = file.interactions;
  const facts = [
    { label: "Recorder", value: FORMAT_LABELS[file.format] },
    { label: "Interactions", value: formatCount(interactions.length) },
    { label: "Hosts", value: distinct(interactions.map((i) => i.http?.host ?? i.exchange.request.host)) },
    { label: "Models", value: distinct(interactions.map((i) => i.exchange.model)) },
  ];
  return (
    <div className="space-y-8">
      <RecordingHeader
        summary={summary}
        exchange={null}
        nameInfo={null}
        githubUrl={githubUrl}
        facts={facts}
        copies={{
          requestBody: null,
          messageText: null,
          raw:
            rawText.length > HIGHLIGHT_LIMIT
              ? { label: `Copy raw ${style.title.slice(4)}`, load: loadRaw }
              : { label: `Copy raw ${style.title.slice(4)}`, targetId: RAW_JSON_ID },
        }}
      />
      <SecretsNotice secrets={opened.secrets} />
      {file.notes.length > 0 && (
        <aside
          aria-label="Notes"
          className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40"
        >
          <ul className="list-disc space-y-1 pl-5">
            {file.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </aside>
      )}
      {interactions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This cassette holds no interaction.</p>
      ) : (
        <>
          <InteractionStrip relPath={summary.relPath} rows={page.strip} page={page.page} />
          <InteractionPager
            relPath={summary.relPath}
            page={page.page}
            pages={page.pages}
            perPage={INTERACTIONS_PER_PAGE}
            total={page.total}
          />
          <InteractionHashJump
            page={page.page}
            perPage={INTERACTIONS_PER_PAGE}
            basePath={recordingHref(summary.relPath)}
          />
          <div className="space-y-6">
            {page.shown.map((interaction) => (
              <InteractionSection
                key={interaction.index}
                interaction={interaction}
                relPath={summary.relPath}
              />
            ))}
          </div>
          <InteractionPager
            relPath={summary.relPath}
            page={page.page}
            pages={page.pages}
            perPage={INTERACTIONS_PER_PAGE}
            total={page.total}
          />
        </>
      )}
      <RawJson
        text={rawText}
        load={loadRaw}
        title={style.title}
        language={style.language}
        headSize={page.pages > 1 ? PAGED_RAW_HEAD : HIGHLIGHT_HEAD}
      />
    </div>
  );
}
