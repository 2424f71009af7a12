"use client";

import { createContext, use, useState } from "react";

interface Picked {
  a: number | null;
  b: number | null;
  pick: (side: "a" | "b", position: number) => void;
}

const PickedContext = createContext<Picked | null>(null);

/**
 * The form around a history table: one radio per version in an `a` column and a `b` column, and a
 * button that opens their comparison. A plain GET form, so it works before (or without) JavaScript;
 * with it, a can only be older than b.
 */
export function HistoryPicker({
  initialA,
  initialB,
  children,
}: {
  initialA: number | null;
  initialB: number | null;
  children: React.ReactNode;
}) {
  const [picked, setPicked] = useState({ a: initialA, b: initialB });
  const pick = (side: "a" | "b", position: number) => setPicked((now) => ({ ...now, [side]: position }));
  return (
    <PickedContext value={{ ...picked, pick }}>
      <form action="/compare" method="get" aria-label="Compare two versions" className="space-y-2">
        {children}
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Compare selected versions
        </button>
      </form>
    </PickedContext>
  );
}

/** The a or b radio of one version (position 0 is the newest). */
export function VersionRadio({
  side,
  position,
  value,
  label,
}: {
  side: "a" | "b";
  position: number;
  value: string;
  label: string;
}) {
  const picked = use(PickedContext);
  if (!picked) return null;
  // a is the older version: it must lie below b in the newest-first table.
  const other = side === "a" ? picked.b : picked.a;
  const disabled = other !== null && (side === "a" ? position <= other : position >= other);
  return (
    <input
      type="radio"
      name={side}
      value={value}
      aria-label={label}
      checked={picked[side] === position}
      disabled={disabled}
      onChange={() => picked.pick(side, position)}
      className="h-4 w-4 accent-indigo-600 disabled:opacity-30"
    />
  );
}
