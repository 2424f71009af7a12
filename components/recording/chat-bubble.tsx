import type { ConversationMessage, ToolCall } from "@/lib/model/exchange";
import { prettyJson } from "@/lib/views/recording/message-view";
import { ContentPartView } from "./content-part";
import { parseBoundedJson } from "@/lib/model/json-depth";
import styles from "./message.module.css";

const ROLE_STYLES: Record<string, string | undefined> = {
  system: styles.system,
  developer: styles.developer,
  user: styles.user,
  assistant: styles.assistant,
  tool: styles.tool,
};

function prettyArguments(text: string): string {
  try {
    return prettyJson(parseBoundedJson(text));
  } catch {
    return text;
  }
}

function ToolCallLine({ call }: { call: ToolCall }) {
  return (
    <div className="rounded-md border border-amber-300/70 bg-white/70 p-2 dark:border-amber-500/30 dark:bg-zinc-900/60">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="text-xs font-medium uppercase tracking-wide text-amber-700 dark:text-amber-300">
          Tool call
        </span>
        <code className="font-mono font-semibold">{call.name ?? "(no name)"}</code>
        {call.id && <code className="font-mono text-xs text-zinc-500">{call.id}</code>}
      </p>
      <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-[13px] leading-5">
        {prettyArguments(call.arguments)}
      </pre>
    </div>
  );
}

/** One turn of the recorded conversation, styled by role. */
export function ChatBubble({ message, position }: { message: ConversationMessage; position: number }) {
  const style = ROLE_STYLES[message.role] ?? ROLE_STYLES.system;
  const label = `${message.role} message ${position + 1}`;
  return (
    <article aria-label={label} className={`${styles.bubble} ${style}`}>
      <header className={styles.bubbleHead}>
        <span className={styles.role}>{message.role}</span>
        {message.name && <span className="font-mono text-zinc-500">{message.name}</span>}
        {message.toolCallId && (
          <span className="text-zinc-500">
            result of <code className="font-mono">{message.toolCallId}</code>
          </span>
        )}
      </header>
      {message.parts.map((part, i) => (
        <ContentPartView key={i} part={part} label={label} />
      ))}
      {message.parts.length === 0 && message.toolCalls.length === 0 && (
        <p className="text-sm italic text-zinc-500">No content.</p>
      )}
      {message.toolCalls.map((call, i) => (
        <ToolCallLine key={call.id ?? i} call={call} />
      ))}
    </article>
  );
}
