import { LongText } from "@/components/recording/long-text";
import type { ChoiceDiff, ToolCallDiff } from "@/lib/views/compare/message-diff";
import { changeView } from "@/lib/views/compare/text-change";
import { BeforeAfter } from "./before-after";
import { WordDiff } from "./word-diff";

const LABEL = "text-xs font-semibold tracking-wide text-zinc-500 uppercase";

function TextDiff({ name, diff }: { name: string; diff: ChoiceDiff["content"] }) {
  return (
    <div className="space-y-1">
      <h4 className={LABEL}>
        {name}{" "}
        {diff.changed ? <span className="text-amber-700 dark:text-amber-400">· changed</span> : "· same"}
      </h4>
      {diff.changed ? (
        <WordDiff parts={diff.parts} label={`Word diff of the ${name.toLowerCase()}`} />
      ) : (
        <LongText
          text={diff.before}
          limit={600}
          className="rounded-md bg-zinc-50 p-2 text-zinc-700 dark:bg-zinc-950/50 dark:text-zinc-300"
        />
      )}
    </div>
  );
}

function ToolCall({ call }: { call: ToolCallDiff }) {
  return (
    <li className="space-y-2 rounded-md border border-amber-300/70 bg-amber-50/50 p-2 dark:border-amber-500/30 dark:bg-amber-500/5">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-[11px] font-medium tracking-wide text-amber-700 uppercase dark:text-amber-300">
          Tool call #{call.index}
        </span>
        <BeforeAfter before={call.name.before} after={call.name.after} />
        {!call.arguments.changed && call.arguments.before !== null && call.arguments.after !== null && (
          <span className="text-xs text-zinc-500">same arguments</span>
        )}
      </p>
      {call.changes.length > 0 && (
        <ul aria-label={`Argument changes of tool call ${call.index}`} className="space-y-1">
          {call.changes.map((change) => {
            const view = changeView(change);
            return (
              <li key={change.path} className="space-y-1">
                <code className="font-mono text-xs break-all">{change.path}</code>
                {view.type === "text" ? (
                  <WordDiff parts={view.parts} label={`Word diff of ${change.path}`} />
                ) : (
                  <div>
                    <BeforeAfter before={view.before} after={view.after} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {(call.arguments.changed || call.arguments.before === null || call.arguments.after === null) && (
        <div className="grid gap-2 md:grid-cols-2">
          {(["before", "after"] as const).map((side) => (
            <div key={side} className="min-w-0">
              <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">
                {side === "before" ? "a" : "b"} arguments
              </p>
              {call.arguments[side] === null ? (
                <p className="text-xs text-zinc-500 italic">no such call</p>
              ) : (
                <pre className="max-h-48 overflow-auto rounded bg-white p-2 font-mono text-[12px] whitespace-pre-wrap break-all dark:bg-zinc-900">
                  {call.arguments[side]}
                </pre>
              )}
            </div>
          ))}
        </div>
      )}
    </li>
  );
}

/** One choice of the reply: text and reasoning as word diffs, tool calls, finish reason. */
export function ChoiceDiffView({ diff, numbered }: { diff: ChoiceDiff; numbered: boolean }) {
  const missing = !diff.present.a ? "a has no such choice" : !diff.present.b ? "b has no such choice" : null;
  return (
    <article
      aria-label={`Choice ${diff.index}`}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {(numbered || missing) && (
        <h3 className="text-sm font-semibold">
          Choice {diff.index}
          {missing && <span className="ml-2 font-normal text-amber-700 dark:text-amber-400">{missing}</span>}
        </h3>
      )}
      {(diff.content.before !== "" || diff.content.after !== "" || diff.toolCalls.length === 0) && (
        <TextDiff name="Text" diff={diff.content} />
      )}
      {(diff.reasoning.before !== "" || diff.reasoning.after !== "") && (
        <TextDiff name="Reasoning" diff={diff.reasoning} />
      )}
      {diff.toolCalls.length > 0 && (
        <div className="space-y-1">
          <h4 className={LABEL}>Tool calls</h4>
          <ul className="space-y-2">
            {diff.toolCalls.map((call) => (
              <ToolCall key={call.index} call={call} />
            ))}
          </ul>
        </div>
      )}
      <p className="flex flex-wrap items-center gap-2">
        <span className={LABEL}>Finish reason</span>
        <BeforeAfter before={diff.finishReason.before} after={diff.finishReason.after} />
      </p>
    </article>
  );
}
