import { useId } from "react";
/** A recording no decoder understood: why, and where to look instead. */
export function UnknownView({ notes }: { notes: string[] }) {
  const unknownId = useId();
  return (
    <section
      aria-labelledby={unknownId}
      className="space-y-2 rounded-lg border border-zinc-300 bg-white p-4 dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h3 id={unknownId} className="text-base font-semibold">
        Not understood
      </h3>
      <p className="text-sm">
        No decoder recognized this response, so it is shown only as recorded (see Raw JSON below).
      </p>
      {notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
