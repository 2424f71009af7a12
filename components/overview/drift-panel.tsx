import Link from "next/link";
import { PANEL_LIMIT, type DriftPanelView, type LinkedPath } from "@/lib/views/match/drift-panel";

function FileLinks({ files }: { files: LinkedPath[] }) {
  return (
    <ul className="space-y-0.5">
      {files.map((file) => (
        <li key={file.path}>
          <Link
            href={file.href}
            className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {file.path}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function More({ count }: { count: number }) {
  return count > PANEL_LIMIT ? (
    <p className="text-xs text-zinc-500">
      and {count - PANEL_LIMIT} more (<code className="font-mono">tapedeck check --drift</code> lists all)
    </p>
  ) : null;
}

const COUNT = "rounded bg-zinc-100 px-1.5 text-xs font-medium tabular-nums dark:bg-zinc-800";

/** Recordings that will miss on replay: drift groups, stale names, orphans; and the way to /match. */
export function DriftPanel({ view }: { view: DriftPanelView }) {
  return (
    <section
      aria-labelledby="drift-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="drift-heading" className="text-lg font-semibold">
          Recordings that will miss
        </h2>
        <Link href="/match" className="ml-auto text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Why did replay miss? Match a request →
        </Link>
      </div>
      {view.state === "pending" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
          Reading every recorded request for the first time; reload in a few seconds.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">
              Drift groups <span className={COUNT}>{view.drift.length}</span>
            </h3>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Recordings of one test whose requests are equal once volatile ids (vs_…, file-…, call_…, dates,
              seeds) are masked: the request embeds an id that changes on every run, so at most one can
              replay.
            </p>
            {view.drift.length === 0 ? (
              <p className="text-sm text-zinc-500">None.</p>
            ) : (
              <ul aria-label="Drift groups" className="space-y-3">
                {view.drift.slice(0, PANEL_LIMIT).map((group) => (
                  <li key={group.files.map((f) => f.path).join()} className="space-y-1">
                    <Link href={group.testHref} className="text-sm font-medium break-all hover:underline">
                      {group.test}
                    </Link>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      differs in <code className="font-mono">{group.fields.join(", ")}</code>
                    </p>
                    <FileLinks files={group.files} />
                  </li>
                ))}
              </ul>
            )}
            <More count={view.drift.length} />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">
              Stale names <span className={COUNT}>{view.staleNames.length}</span>
            </h3>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              llama-stack recordings whose file name is not the hash of their request under any
              recorder&apos;s rule: the recorder looks them up by name and will not find them.
            </p>
            {view.staleNames.length === 0 ? (
              <p className="text-sm text-zinc-500">None.</p>
            ) : (
              <FileLinks files={view.staleNames.slice(0, PANEL_LIMIT)} />
            )}
            <More count={view.staleNames.length} />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">
              Orphans {view.testsChecked > 0 && <span className={COUNT}>{view.orphans.length}</span>}
            </h3>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Recordings whose test function no longer exists in the checkout.
            </p>
            {view.testsChecked === 0 ? (
              <p className="text-sm text-zinc-500">
                Not checked: the checkout&apos;s test sources are not under this root.
              </p>
            ) : view.orphans.length === 0 ? (
              <p className="text-sm text-zinc-500">None ({view.testsChecked} test functions checked).</p>
            ) : (
              <ul aria-label="Orphans" className="space-y-2">
                {view.orphans.slice(0, PANEL_LIMIT).map((orphan) => (
                  <li key={orphan.test} className="space-y-1">
                    <p className="text-sm break-all">
                      {orphan.test}{" "}
                      <span className="text-xs text-zinc-500">
                        ({orphan.missing === "file" ? "test file gone" : "function gone"})
                      </span>
                    </p>
                    <FileLinks files={orphan.files} />
                  </li>
                ))}
              </ul>
            )}
            {view.testsChecked > 0 && <More count={view.orphans.length} />}
          </div>
        </div>
      )}
    </section>
  );
}
