import Link from "next/link";

export default function RecordingNotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="font-mono text-sm text-zinc-500">404</p>
      <h1 id="not-found-heading" className="text-xl font-semibold">
        No such recording
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Nothing under the recordings root has this path. It may have been renamed or removed since the link was made.
      </p>
      <Link
        href="/recordings"
        className="inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Back to the recordings
      </Link>
    </section>
  );
}
