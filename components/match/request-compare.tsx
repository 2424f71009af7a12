import Link from "next/link";
import { RawDiffView } from "@/components/compare/raw-diff-view";
import type { RequestCompareView } from "@/lib/views/match/match-page";
import { formatCount } from "@/lib/views/recording/format";

/**
 * The recording's request (a) and the given one (b) line by line, as the recorder compares them.
 * A pasted request is no file, so the comparison lives here rather than on /compare.
 */
export function RequestCompare({ compare }: { compare: RequestCompareView }) {
  return (
    <section aria-labelledby="request-compare" className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="request-compare" className="text-lg font-semibold">
          Requests compared
        </h2>
        <span className="text-sm text-zinc-500">
          a:{" "}
          <Link
            href={compare.recordingHref}
            className="font-mono text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {compare.title}
          </Link>{" "}
          · b: the given request · {formatCount(compare.changedLines)} changed lines
        </span>
        <Link
          href={compare.closeHref}
          className="ml-auto text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Close
        </Link>
      </div>
      {compare.changedLines === 0 ? (
        <p className="text-sm text-zinc-500">No line differs.</p>
      ) : (
        <RawDiffView blocks={compare.blocks} hiddenLines={compare.hiddenLines} allHref={compare.closeHref} />
      )}
    </section>
  );
}
