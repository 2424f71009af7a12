import { highlightCode, type CodeLanguage } from "@/lib/views/highlight-code";
import { formatCount } from "@/lib/views/recording/format";
import { HIGHLIGHT_HEAD, HIGHLIGHT_LIMIT, splitForHighlight } from "@/lib/views/recording/raw-json";
import { compactHighlight } from "./compact-highlight";
import { RawJsonRest } from "./raw-json-rest";

export const RAW_JSON_ID = "raw-json-text";

// Off screen until scrolled to, so the browser skips its layout and paint on load.
const BOX =
  "[content-visibility:auto] [contain-intrinsic-size:auto_40rem] max-h-[80vh] overflow-auto rounded-lg border border-zinc-200 bg-white p-3 font-mono text-[13px] leading-5 dark:border-zinc-800 dark:bg-zinc-900";

interface RawJsonProps {
  text: string;
  /** Loads the whole text on demand (a server action bound to this recording). */
  load: () => Promise<string | null>;
  /** The section's title: "Raw JSON" for llama-stack recordings, "Raw YAML" or "Raw file" for cassettes. */
  title?: string;
  language?: CodeLanguage;
  /** Of a long text, about how many characters are highlighted (default `HIGHLIGHT_HEAD`). */
  headSize?: number;
}

/**
 * The file as JSON, highlighted on the server. A long file has only its first part highlighted
 * and sent with the page (highlighting megabytes would stall both server and browser); the whole
 * text is loaded, plain, when the reader asks for it.
 */
export async function RawJson({
  text,
  load,
  title = "Raw JSON",
  language = "json",
  headSize = HIGHLIGHT_HEAD,
}: RawJsonProps) {
  const split = splitForHighlight(text, HIGHLIGHT_LIMIT, headSize);
  const html = compactHighlight(await highlightCode(split.head, language));
  return (
    <section aria-labelledby="raw-heading" className="space-y-2">
      <h2 id="raw-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {!split.complete && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The file is long: only its first {formatCount(split.headLines)} of {formatCount(split.totalLines)}{" "}
          lines are highlighted here.
        </p>
      )}
      <div
        id={split.complete ? RAW_JSON_ID : undefined}
        role="region"
        aria-label={split.complete ? title : `${title}, first part`}
        tabIndex={0}
        className={BOX}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {!split.complete && <RawJsonRest load={load} totalLines={formatCount(split.totalLines)} />}
    </section>
  );
}
