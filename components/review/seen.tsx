"use client";

import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import styles from "./change-card.module.css";

interface SeenState {
  seen: ReadonlySet<string>;
  toggle: (key: string, value: boolean) => void;
}

const SeenContext = createContext<SeenState>({ seen: new Set(), toggle: () => {} });

// Writes in this tab notify these; other tabs' writes arrive as "storage" events.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(storageKey: string): string {
  try {
    return window.localStorage.getItem(storageKey) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(text: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(text);
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === "string") : []);
  } catch {
    return new Set();
  }
}

/** Which changes the reviewer marked as seen, kept in this browser only (localStorage). */
export function SeenProvider({ storageKey, children }: { storageKey: string; children: React.ReactNode }) {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(storageKey),
    () => "[]",
  );
  const seen = useMemo(() => parse(stored), [stored]);
  const toggle = useCallback(
    (key: string, value: boolean) => {
      const next = parse(read(storageKey));
      if (value) next.add(key);
      else next.delete(key);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify([...next]));
      } catch {
        // Storage refused (private mode, full): nothing to keep.
      }
      for (const listener of listeners) listener();
    },
    [storageKey],
  );
  const state = useMemo(() => ({ seen, toggle }), [seen, toggle]);
  return <SeenContext.Provider value={state}>{children}</SeenContext.Provider>;
}

/** "N of M not yet seen" for the changes shown. */
export function SeenCounter({ keys }: { keys: string[] }) {
  const { seen } = useContext(SeenContext);
  const left = keys.filter((key) => !seen.has(key)).length;
  return (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      <span className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">{left}</span> of{" "}
      {keys.length} shown change{keys.length === 1 ? "" : "s"} not yet seen
    </p>
  );
}

/** A change's card, dimmed once seen; named by the element `labelledBy` (its path). */
export function SeenCard({
  seenKey,
  labelledBy,
  children,
}: {
  seenKey: string;
  labelledBy: string;
  children: React.ReactNode;
}) {
  const { seen } = useContext(SeenContext);
  return (
    <article
      aria-labelledby={labelledBy}
      data-seen={seen.has(seenKey) ? "true" : undefined}
      className={styles.card}
    >
      {children}
    </article>
  );
}

/** The "Seen" checkbox of one change. */
export function SeenToggle({ seenKey, label }: { seenKey: string; label: string }) {
  const { seen, toggle } = useContext(SeenContext);
  return (
    <label className={styles.seen}>
      <input
        type="checkbox"
        checked={seen.has(seenKey)}
        onChange={(event) => toggle(seenKey, event.target.checked)}
        aria-label={`Seen: ${label}`}
        className={styles.check}
      />
      Seen
    </label>
  );
}
