import { submitMatch } from "@/app/match/actions";
import type { Paste } from "@/lib/views/match/paste-store";

const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900";
const LABEL = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** The paste box: a request (JSON, or a bare body with a URL) or a test log. Posts without JavaScript. */
export function MatchForm({ form }: { form: Paste }) {
  return (
    <form
      action={submitMatch}
      aria-label="Request to match"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="block space-y-1">
        <span className={LABEL}>Request or test log</span>
        <textarea
          name="text"
          rows={10}
          defaultValue={form.text}
          spellCheck={false}
          required
          placeholder={`{"method": "POST", "url": "http://localhost:11434/v1/chat/completions", "body": {…}}\n\nor a test log with "Recording not found for request hash: …" or "CannotOverwriteExistingCassetteException: …"`}
          className={`${INPUT} min-h-40 resize-y`}
        />
      </label>
      <details open={form.test !== "" || form.url !== ""} className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
          Test id, or URL for a bare body
        </summary>
        <div className="mt-2 grid gap-2 md:grid-cols-[2fr_2fr_1fr]">
          <label className="block space-y-1">
            <span className={LABEL}>Test id (the request&apos;s pytest node id)</span>
            <input name="test" defaultValue={form.test} spellCheck={false} className={INPUT} />
          </label>
          <label className="block space-y-1">
            <span className={LABEL}>URL (the paste is then the HTTP body)</span>
            <input name="url" defaultValue={form.url} spellCheck={false} className={INPUT} />
          </label>
          <label className="block space-y-1">
            <span className={LABEL}>Method</span>
            <input
              name="method"
              defaultValue={form.method}
              placeholder="POST"
              spellCheck={false}
              className={INPUT}
            />
          </label>
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Match
        </button>
        <p className="text-xs text-zinc-500">
          A request as llama-stack records it (<code className="font-mono">{"{method, url, body}"}</code>), a
          whole recording, or a log: each replay failure in it is answered. The same as{" "}
          <code className="font-mono">tapedeck match</code>.
        </p>
      </div>
    </form>
  );
}
