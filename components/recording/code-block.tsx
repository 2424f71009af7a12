import { highlightCode } from "@/lib/views/highlight-code";
import { prettyJson } from "@/lib/views/recording/message-view";

/** Small JSON values are highlighted; bigger ones are shown plain (they are collapsed anyway). */
const HIGHLIGHT_UP_TO = 20_000;

const BOX =
  "max-h-[28rem] overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-[13px] leading-5 dark:bg-zinc-950/60";

/** A JSON value pretty-printed, highlighted on the server in light and dark. */
export async function JsonBlock({ value, label }: { value: unknown; label?: string }) {
  const code = prettyJson(value);
  if (code.length > HIGHLIGHT_UP_TO) {
    return (
      <pre aria-label={label} className={`${BOX} whitespace-pre-wrap break-words`}>
        {code}
      </pre>
    );
  }
  const html = await highlightCode(code, "json");
  return (
    <div
      role={label ? "region" : undefined}
      aria-label={label}
      className={`${BOX} [&_pre]:whitespace-pre-wrap [&_pre]:break-words`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
