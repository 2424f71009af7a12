import { quoteDelta } from "@/lib/views/recording/quote-delta";
import type { CellKind, TimelineItem } from "@/lib/views/recording/stream-timeline";

/** Colors of what a chunk adds, shared by the strip, the legend and the row badges. */
export const KIND_COLORS: Record<CellKind, string> = {
  text: "bg-sky-500",
  reasoning: "bg-violet-500",
  "tool-call": "bg-amber-500",
  finish: "bg-emerald-500",
  usage: "bg-pink-500",
  other: "bg-zinc-400 dark:bg-zinc-600",
};

export const KIND_LABELS: Record<CellKind, string> = {
  text: "text",
  reasoning: "reasoning",
  "tool-call": "tool call",
  finish: "finish",
  usage: "usage",
  other: "other",
};

/** A delta as a quoted string with visible whitespace. */
export function Quoted({ text }: { text: string }) {
  if (text === "") return <span className="font-mono text-zinc-400">&quot;&quot;</span>;
  return (
    <span className="font-mono">
      <span className="text-zinc-400">&quot;</span>
      {quoteDelta(text).map((piece, i) =>
        piece.kind === "text" ? (
          <span key={i}>{piece.text}</span>
        ) : (
          <span
            key={i}
            className={piece.kind === "space" ? "text-zinc-400/80" : "text-rose-600 dark:text-rose-400"}
          >
            {piece.text}
          </span>
        ),
      )}
      <span className="text-zinc-400">&quot;</span>
    </span>
  );
}

function Tag({ children, tone }: { children: React.ReactNode; tone: string }) {
  return (
    <span className={`shrink-0 rounded px-1 text-[11px] font-medium leading-4 ${tone}`}>{children}</span>
  );
}

const TONES = {
  reasoning: "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300",
  tool: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  finish: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  usage: "bg-pink-100 text-pink-800 dark:bg-pink-500/15 dark:text-pink-300",
  other: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** What one delta adds, on one line. `choices` tells whether to name the choice. */
export function ChunkItem({ item, choices }: { item: TimelineItem; choices: boolean }) {
  const choice = choices && "choice" in item ? <Tag tone={TONES.other}>c{item.choice}</Tag> : null;
  switch (item.type) {
    case "text":
      return (
        <>
          {choice}
          <Quoted text={item.text} />
        </>
      );
    case "reasoning":
      return (
        <>
          {choice}
          <Tag tone={TONES.reasoning}>reasoning</Tag>
          <Quoted text={item.text} />
        </>
      );
    case "tool-call":
      return (
        <>
          {choice}
          <Tag tone={TONES.tool}>tool #{item.toolIndex}</Tag>
          {item.name && <span className="font-mono font-semibold">{item.name}</span>}
          {item.id && <span className="font-mono text-zinc-500">{item.id}</span>}
          {(item.arguments !== "" || (!item.name && !item.id)) && <Quoted text={item.arguments} />}
        </>
      );
    case "role":
      return (
        <>
          {choice}
          <Tag tone={TONES.other}>role</Tag>
          <span>{item.role}</span>
        </>
      );
    case "finish":
      return (
        <>
          {choice}
          <Tag tone={TONES.finish}>finish</Tag>
          <span>{item.reason}</span>
        </>
      );
    case "usage":
      return (
        <>
          <Tag tone={TONES.usage}>usage</Tag>
          <span>{item.summary}</span>
        </>
      );
    case "logprobs":
      return (
        <>
          {choice}
          <Tag tone={TONES.other}>logprobs</Tag>
          <span>{item.count}</span>
        </>
      );
    case "event":
      return (
        <>
          <Tag tone={TONES.other}>event</Tag>
          <span className="text-zinc-500">{item.label}</span>
        </>
      );
  }
}
