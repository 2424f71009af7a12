"use client";

import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import {
  buildRangeIndex,
  chunkFromHash,
  chunksForRange,
  rangesOfChunk,
  type FieldRange,
} from "@/lib/views/recording/chunk-selection";
import { windowOfRange, type ChunkWindow, type WindowSpan } from "@/lib/views/recording/chunk-window";
import type { MessageView } from "@/lib/views/recording/message-view";
import { ChunkStrip, KindLegend } from "./chunk-strip";
import { ChunkTimeline, type ChunkTimelineHandle } from "./chunk-timeline";
import { ChunkWindowNav } from "./chunk-window-nav";
import { MessagePanel } from "./message-panel";
import { SelectionStatus } from "./selection-status";
import { useTextSelection } from "./use-text-selection";

export interface StreamExplorerProps {
  /** The window of rows the page carries (all of them, for a stream that fits one window). */
  firstWindow: ChunkWindow;
  /** Per window, the characters its chunks filled (`windowSpans`); empty for one window. */
  spans: WindowSpan[][];
  /** Loads the window holding a chunk (a bound server action); null where it cannot. */
  load: ((chunk: number) => Promise<ChunkWindow | null>) | null;
  messages: MessageView[];
  /** Each message's text rendered as markdown on the server (`MarkdownText`), by position. */
  markdown: ReactNode[];
  /** Token usage of the whole response, already summarized. */
  usage: string | null;
  /** Prefix of element ids and of the `#…chunk-N` link: `interaction-2-` on a cassette's page. */
  idPrefix?: string;
}

const HASH_EVENT = "tapedeck:hashchange";

function subscribeHash(notify: () => void) {
  window.addEventListener("hashchange", notify);
  window.addEventListener(HASH_EVENT, notify);
  return () => {
    window.removeEventListener("hashchange", notify);
    window.removeEventListener(HASH_EVENT, notify);
  };
}

function setHash(hash: string) {
  const url = `${location.pathname}${location.search}${hash}`;
  history.replaceState(history.state, "", url);
  window.dispatchEvent(new Event(HASH_EVENT));
}

/**
 * The chunk strip, the chunk timeline and the reassembled message, wired together: a chunk picked
 * in the strip or the timeline marks the characters it added; text selected in the message marks
 * the chunks that made it. The selected chunk lives in the URL (`#chunk-42`).
 */
export function StreamExplorer({
  firstWindow,
  spans,
  load,
  messages,
  markdown,
  usage,
  idPrefix = "",
}: StreamExplorerProps) {
  const hash = useSyncExternalStore(
    subscribeHash,
    () => location.hash,
    () => "",
  );
  const [shown, setShown] = useState(firstWindow);
  const [failed, setFailed] = useState<number | null>(null);
  const rows = shown.rows;
  const rowByIndex = useMemo(() => new Map(rows.map((row) => [row.index, row])), [rows]);
  const hashed = chunkFromHash(hash, idPrefix);
  const selected = hashed !== null && rowByIndex.has(hashed) ? hashed : null;
  // A link to a chunk of another window (`#chunk-90000`) loads that window.
  const wanted =
    load && hashed !== null && selected === null && hashed < shown.total && hashed !== failed ? hashed : null;
  const [modeOverride, setModeOverride] = useState<"markdown" | "plain" | null>(null);
  const mode = modeOverride ?? (selected !== null ? "plain" : "markdown");
  const [textRange, setTextRange] = useState<FieldRange | null>(null);
  const timeline = useRef<ChunkTimelineHandle>(null);
  const messageBox = useRef<HTMLDivElement>(null);
  const scrolledOnce = useRef(false);
  const focusNext = useRef(false);

  useEffect(() => {
    if (wanted === null || !load) return;
    let live = true;
    void load(wanted).then((next) => {
      if (!live) return;
      if (next) setShown(next);
      else setFailed(wanted);
    });
    return () => {
      live = false;
    };
  }, [wanted, load]);

  const showWindow = useCallback(
    (position: number) => {
      void load?.(position).then((next) => {
        if (!next) return;
        setShown(next);
        // A selection the new window does not hold is dropped (or its link would bring it back);
        // the message stays in the mode it was shown in.
        const at = chunkFromHash(location.hash, idPrefix);
        if (at !== null && !next.rows.some((row) => row.index === at)) {
          setModeOverride((override) => override ?? "plain");
          setHash("");
        }
      });
    },
    [load, idPrefix],
  );

  const rangeIndex = useMemo(() => buildRangeIndex(rows), [rows]);
  const marked = useMemo(
    () => new Set(textRange ? chunksForRange(rangeIndex, textRange) : []),
    [rangeIndex, textRange],
  );
  const textWindow = useMemo(() => {
    if (!textRange || marked.size > 0) return null;
    const found = windowOfRange(spans, textRange);
    return found === null || found * shown.size === shown.start ? null : found;
  }, [spans, textRange, marked, shown]);
  const marks = useMemo(() => {
    const row = selected === null ? undefined : rowByIndex.get(selected);
    const map = new Map<string, { start: number; end: number }>();
    for (const range of row ? rangesOfChunk(row) : []) {
      const known = map.get(range.field);
      map.set(range.field, {
        start: Math.min(known?.start ?? range.start, range.start),
        end: Math.max(known?.end ?? range.end, range.end),
      });
    }
    return map;
  }, [selected, rowByIndex]);

  const select = useCallback(
    (index: number | null, how: { focus: boolean } = { focus: false }) => {
      focusNext.current = how.focus;
      setModeOverride(null);
      setHash(index === null ? "" : `#${idPrefix}chunk-${index}`);
    },
    [idPrefix],
  );

  const onTextRange = useCallback((range: FieldRange | null) => {
    setTextRange((previous) =>
      previous?.field === range?.field && previous?.start === range?.start && previous?.end === range?.end
        ? previous
        : range,
    );
  }, []);
  useTextSelection(messageBox, onTextRange);

  // Bring the selected chunk into view (centered the first time: a deep link), and its mark.
  useEffect(() => {
    if (selected === null) return;
    timeline.current?.scrollTo(selected, scrolledOnce.current ? "auto" : "center", focusNext.current);
    scrolledOnce.current = true;
    focusNext.current = false;
    const box = messageBox.current;
    const mark = box?.querySelector("mark[data-chunk-mark]");
    if (box && mark) {
      const outer = box.getBoundingClientRect();
      const inner = mark.getBoundingClientRect();
      if (inner.top < outer.top || inner.bottom > outer.bottom)
        box.scrollTop += inner.top - outer.top - outer.height / 3;
    }
  }, [selected, mode]);

  return (
    <div className="space-y-3">
      <section aria-labelledby={`${idPrefix}chunks-heading`} className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h3 id={`${idPrefix}chunks-heading`} className="text-base font-semibold">
            Chunks
          </h3>
          <span className="text-sm text-zinc-500">{shown.total.toLocaleString("en-US")} chunks</span>
          <KindLegend />
        </div>
        {shown.total > rows.length && (
          <ChunkWindowNav
            shown={shown}
            loading={wanted}
            canLoad={load !== null}
            textWindow={textWindow}
            onShow={showWindow}
            onGoTo={(index) => select(index)}
            idPrefix={idPrefix}
          />
        )}
        <ChunkStrip rows={rows} selected={selected} marked={marked} onSelect={(index) => select(index)} />
        <SelectionStatus
          selected={selected}
          marked={marked}
          onClear={() => select(null)}
          onGoTo={(index) => select(index)}
        />
      </section>
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <ChunkTimeline
          ref={timeline}
          rows={rows}
          selected={selected}
          marked={marked}
          choices={messages.length > 1}
          onSelect={select}
          idPrefix={idPrefix}
        />
        <MessagePanel
          boxRef={messageBox}
          messages={messages}
          markdown={markdown}
          mode={mode}
          marks={marks}
          usage={usage}
          onMode={setModeOverride}
          idPrefix={idPrefix}
        />
      </div>
    </div>
  );
}
