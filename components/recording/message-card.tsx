import { memo, type ReactNode } from "react";
import { fieldId } from "@/lib/views/recording/stream-timeline";
import type { MessageView, ToolCallView } from "@/lib/views/recording/message-view";
import { MarkedText } from "./marked-text";
import styles from "./message.module.css";

type Range = { start: number; end: number };

export interface MessageCardProps {
  message: MessageView;
  /** Label the card with its choice (when a response has several). */
  numbered: boolean;
  /** `plain` shows text exactly, with marks; `markdown` shows `markdown`. */
  mode: "markdown" | "plain";
  /**
   * The text rendered as markdown (`MarkdownText`), made on the server and passed in, so the
   * markdown parser never has to run (or be shipped) in the browser.
   */
  markdown: ReactNode;
  /** Ranges to mark, by field id (`0:content`, `0:reasoning`, `0:tool:1`). */
  marks?: ReadonlyMap<string, Range>;
}

const PRE = styles.text;

interface ToolCallBlockProps {
  call: ToolCallView;
  field: string;
  plain: boolean;
  mark: Range | null;
}

function ToolCallBlock({ call, field, plain, mark }: ToolCallBlockProps) {
  const showRaw = plain || call.pretty === null;
  return (
    <div className="rounded-md border border-amber-300/70 bg-amber-50/60 p-3 dark:border-amber-500/30 dark:bg-amber-500/5">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="text-xs font-medium uppercase tracking-wide text-amber-700 dark:text-amber-300">
          Tool call
        </span>
        <code className="font-mono font-semibold">{call.name ?? "(no name)"}</code>
        {call.id && <code className="font-mono text-xs text-zinc-500">{call.id}</code>}
      </p>
      {showRaw ? (
        <pre
          data-field={field}
          aria-label={`Arguments of ${call.name ?? "tool call"}`}
          className={`mt-2 ${PRE}`}
        >
          <MarkedText text={call.arguments} range={mark} />
        </pre>
      ) : (
        <pre aria-label={`Arguments of ${call.name ?? "tool call"}`} className={`mt-2 ${PRE}`}>
          {call.pretty}
        </pre>
      )}
      {call.error && (
        <p className="mt-2 text-xs text-red-700 dark:text-red-300">
          Arguments are not valid JSON: {call.error}
        </p>
      )}
    </div>
  );
}

/** One reassembled message (a choice): text, reasoning, tool calls and finish reason. */
function MessageCardView({ message, numbered, mode, markdown, marks }: MessageCardProps) {
  const ids = {
    content: fieldId({ field: "content", choice: message.index }),
    reasoning: fieldId({ field: "reasoning", choice: message.index }),
  };
  const contentMark = marks?.get(ids.content) ?? null;
  const reasoningMark = marks?.get(ids.reasoning) ?? null;
  const label = numbered ? `Choice ${message.index}` : "Reassembled message";
  const empty = !message.content && !message.reasoning && message.toolCalls.length === 0;
  return (
    <article aria-label={label} className={styles.card}>
      <header className={styles.cardHead}>
        {numbered && <span className="font-semibold">Choice {message.index}</span>}
        <span className={styles.cardRole}>{message.role}</span>
        {message.finishReason && (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300">
            finish: {message.finishReason}
          </span>
        )}
      </header>
      {message.reasoning && (
        <details
          open={reasoningMark !== null || (!message.content && message.toolCalls.length === 0) || undefined}
          className="group rounded-md bg-violet-50/70 p-2 dark:bg-violet-500/5"
        >
          <summary className="cursor-pointer text-xs font-medium text-violet-800 dark:text-violet-300">
            Reasoning ({message.reasoning.length.toLocaleString("en-US")} characters)
          </summary>
          <pre data-field={ids.reasoning} className={`mt-2 text-zinc-700 dark:text-zinc-300 ${PRE}`}>
            <MarkedText text={message.reasoning} range={reasoningMark} />
          </pre>
        </details>
      )}
      {message.content &&
        (mode === "markdown" ? (
          <div data-field={ids.content} data-testid="message-text">
            {markdown}
          </div>
        ) : (
          <pre data-field={ids.content} data-testid="message-text" className={PRE}>
            <MarkedText text={message.content} range={contentMark} />
          </pre>
        ))}
      {message.toolCalls.map((call) => {
        const field = fieldId({ field: "tool", choice: message.index, toolIndex: call.index });
        return (
          <ToolCallBlock
            key={call.index}
            call={call}
            field={field}
            plain={mode === "plain"}
            mark={marks?.get(field) ?? null}
          />
        );
      })}
      {empty && <p className="text-sm italic text-zinc-500">The message is empty.</p>}
    </article>
  );
}

export const MessageCard = memo(MessageCardView);
