import { useId } from "react";
import type { ResponseInfo } from "@/lib/model/exchange";
import { JsonBlock } from "./code-block";
import { LongText } from "./long-text";
import { parseBoundedJson } from "@/lib/model/json-depth";

type Result = Extract<ResponseInfo, { type: "result" }>;

/** The text parsed as JSON when it is a JSON object or array (tool results often are). */
function jsonOf(text: string): { value: unknown } | null {
  const start = text.trimStart()[0];
  if (start !== "{" && start !== "[") return null;
  try {
    return { value: parseBoundedJson(text) };
  } catch {
    return null;
  }
}

/** A tool invocation, file processing or plain HTTP result: its text and its value. */
export function ResultView({ response }: { response: Result }) {
  const resultId = useId();
  const showValue =
    response.value !== undefined && response.value !== null && response.value !== response.text;
  const json = response.text ? jsonOf(response.text) : null;
  return (
    <section aria-labelledby={resultId} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 id={resultId} className="text-base font-semibold">
          Result
        </h3>
        {response.status !== null && (
          <span className="font-mono text-xs text-zinc-500">HTTP {response.status}</span>
        )}
        {response.streaming && <span className="text-xs text-zinc-500">streamed</span>}
      </div>
      {response.text !== null && (
        <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="mb-1 text-xs uppercase tracking-wide text-zinc-500">
            Text{json && <span className="normal-case tracking-normal"> (JSON, pretty-printed)</span>}
          </p>
          {response.text === "" ? (
            <p className="text-sm italic text-zinc-500">Empty.</p>
          ) : json ? (
            <JsonBlock value={json.value} label="Result text" />
          ) : (
            <LongText text={response.text} limit={4000} />
          )}
        </div>
      )}
      {showValue && (
        <details open={response.text === null} className="space-y-1">
          <summary className="cursor-pointer text-xs uppercase tracking-wide text-zinc-500">
            Value as recorded
          </summary>
          <JsonBlock value={response.value} label="Result value" />
        </details>
      )}
      {response.text === null && !showValue && <p className="text-sm text-zinc-500">No result recorded.</p>}
    </section>
  );
}
