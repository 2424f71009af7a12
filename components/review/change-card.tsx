import Link from "next/link";
import { pairing } from "@/lib/review/change-details";
import { rootRelative } from "@/lib/review/links";
import type { ReviewChange } from "@/lib/review/review-types";
import { changeKey } from "@/lib/review/review-view";
import { ChangeDetails } from "./change-details";
import { ReviewVerdictBadge } from "./review-verdict-badge";
import { SeenCard, SeenToggle } from "./seen";
import { testHref } from "@/lib/urls";

/** One change: verdict, path (opening its comparison), summary, pairing, then the details. */
export function ChangeCard({
  change,
  href,
  prefix,
}: {
  change: ReviewChange;
  href: string | null;
  prefix: string;
}) {
  const shown = rootRelative(change.path, prefix) ?? change.path;
  const pair = pairing(change);
  const key = changeKey(change);
  return (
    <SeenCard seenKey={key} label={shown}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <ReviewVerdictBadge verdict={change.verdict} />
        {change.status !== "modified" && change.status !== change.verdict && (
          <span className="text-[11px] text-zinc-500 uppercase">{change.status}</span>
        )}
        {href ? (
          <Link
            href={href}
            className="min-w-0 font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {shown}
          </Link>
        ) : (
          <span className="min-w-0 font-mono text-xs break-all">{shown}</span>
        )}
        <SeenToggle seenKey={key} label={shown} />
      </div>
      <p className="mt-1 text-sm break-words">{change.summary}</p>
      {(pair || change.testId) && (
        <p className="mt-0.5 text-xs break-all text-zinc-500">
          {pair && (
            <>
              {pair.verb} from{" "}
              <span className="font-mono">{rootRelative(pair.from, prefix) ?? pair.from}</span> (paired by{" "}
              {pair.by})
            </>
          )}
          {pair && change.testId && " · "}
          {change.testId && (
            <>
              test{" "}
              <Link href={testHref(change.testId)} className="font-mono hover:underline">
                {change.testId}
              </Link>
            </>
          )}
        </p>
      )}
      <ChangeDetails change={change} />
    </SeenCard>
  );
}
