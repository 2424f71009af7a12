import type { ReactNode, RefObject } from "react";
import type { MessageView } from "@/lib/views/recording/message-view";
import { MessageCard } from "./message-card";

interface MessagePanelProps {
  messages: MessageView[];
  /** Each message's text rendered as markdown on the server, by position. */
  markdown: ReactNode[];
  mode: "markdown" | "plain";
  marks: ReadonlyMap<string, { start: number; end: number }>;
  usage: string | null;
  onMode: (mode: "markdown" | "plain") => void;
  boxRef: RefObject<HTMLDivElement | null>;
  idPrefix: string;
}

/** The reassembled message(s) of a stream, with a switch between rendered markdown and exact text. */
export function MessagePanel({
  messages,
  markdown,
  mode,
  marks,
  usage,
  onMode,
  boxRef,
  idPrefix,
}: MessagePanelProps) {
  const hasText = messages.some((message) => message.content !== "" || message.toolCalls.length > 0);
  return (
    <section aria-labelledby={`${idPrefix}message-heading`} className="min-w-0 space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={`${idPrefix}message-heading`} className="text-base font-semibold">
          Message
        </h3>
        {hasText && (
          <button
            type="button"
            onClick={() => onMode(mode === "plain" ? "markdown" : "plain")}
            className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {mode === "plain" ? "Show rendered markdown" : "Show plain text"}
          </button>
        )}
        {usage && <span className="ml-auto text-xs text-zinc-500">Usage: {usage}</span>}
      </div>
      <div ref={boxRef} className="relative max-h-[70vh] space-y-3 overflow-auto">
        {messages.map((message, position) => (
          <MessageCard
            key={message.index}
            message={message}
            markdown={markdown[position]}
            numbered={messages.length > 1}
            mode={mode}
            marks={marks}
          />
        ))}
      </div>
    </section>
  );
}
