import { ErrorCard } from "@/components/recording/error-card";
import { LongText } from "@/components/recording/long-text";
import type { Comparison } from "@/lib/diff/compare";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { messageDiff, usageRows } from "@/lib/views/compare/message-diff";
import { BeforeAfter } from "./before-after";
import { ChangeList } from "./change-list";
import { ChoiceDiffView } from "./choice-diff";

function ResponseGlimpse({ response }: { response: ResponseInfo }) {
  if (response.type === "error") return <ErrorCard error={response.error} />;
  const text =
    response.type === "message"
      ? response.choices.map((choice) => choice.content || choice.reasoning).join("\n\n")
      : response.type === "result"
        ? (response.text ?? "")
        : "";
  return (
    <div className="space-y-1 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{response.type}</p>
      {text && <LongText text={text} limit={600} />}
    </div>
  );
}

function MessageReply({
  a,
  b,
  comparison,
}: {
  a: Extract<ResponseInfo, { type: "message" }>;
  b: Extract<ResponseInfo, { type: "message" }>;
  comparison: Comparison;
}) {
  const choices = messageDiff(a.choices, b.choices, comparison.response);
  const usage = usageRows(a.usage, b.usage);
  return (
    <div className="space-y-3">
      {choices.map((choice) => (
        <ChoiceDiffView key={choice.index} diff={choice} numbered={choices.length > 1} />
      ))}
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {usage.map((row) => (
          <div key={row.label} className="flex items-center gap-2">
            <dt className="text-zinc-500">{row.label} tokens</dt>
            <dd>
              <BeforeAfter before={row.before} after={row.after} />
            </dd>
          </div>
        ))}
        {(a.model !== null || b.model !== null) && (
          <div className="flex items-center gap-2">
            <dt className="text-zinc-500">answering model</dt>
            <dd>
              <BeforeAfter before={a.model} after={b.model} />
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The reply of each side compared in the reader's terms (the message, else the result or error). */
export function ReplyDiff({ a, b, comparison }: { a: Exchange; b: Exchange; comparison: Comparison }) {
  const x = a.response;
  const y = b.response;
  if (x.type === "message" && y.type === "message")
    return <MessageReply a={x} b={y} comparison={comparison} />;
  if (x.type === "error" || y.type === "error" || x.type !== y.type) {
    return (
      <div className="space-y-3">
        <div className="grid gap-3 md:grid-cols-2">
          {[x, y].map((response, i) => (
            <div key={i} className="min-w-0 space-y-1">
              <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">
                {i === 0 ? "a" : "b"}
              </p>
              <ResponseGlimpse response={response} />
            </div>
          ))}
        </div>
        {x.type === y.type && (
          <ChangeList
            changes={comparison.response.map((change) => ({ ...change, noise: false }))}
            label="Error changes"
            limit={null}
            allHref=""
            empty="The errors are the same."
          />
        )}
      </div>
    );
  }
  return (
    <ChangeList
      changes={comparison.response.map((change) => ({ ...change, noise: false }))}
      label="Reply changes"
      limit={null}
      allHref=""
      empty="The replies are the same."
    />
  );
}
