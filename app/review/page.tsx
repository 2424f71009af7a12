import type { Metadata } from "next";
import { ReviewChanges } from "@/components/review/review-changes";
import { ReviewForm } from "@/components/review/review-form";
import { ReviewGroups } from "@/components/review/review-groups";
import { ReviewMessage } from "@/components/review/review-message";
import { ReviewSummary } from "@/components/review/review-summary";
import { gitDisabledReason } from "@/lib/config";
import { reviewRepository } from "@/lib/views/review/review-repository";
import { getIndex } from "@/lib/index/server-index";
import { isWorkingTree } from "@/lib/review/links";
import { loadReview } from "@/lib/review/review-cache";
import { parseReviewFilters, substantiveCount, suiteCounts } from "@/lib/review/review-view";
import { loadChangeDetails } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function Intro() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Review</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every recording a change adds, removes, modifies, renames or copies between two revisions of the
        root&apos;s repository, with the verdict of its comparison, the changes that repeat grouped.
      </p>
    </div>
  );
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const base = first(params.base);
  const head = first(params.head);
  const disabled = gitDisabledReason();
  if (disabled) {
    return (
      <div className="space-y-4">
        <Intro />
        <ReviewMessage title="Review is not available">{disabled}</ReviewMessage>
      </div>
    );
  }
  const index = await getIndex();
  const repo = await reviewRepository(index.root);
  if (!repo) {
    return (
      <div className="space-y-4">
        <Intro />
        <ReviewMessage title="The root is not in a git repository">
          <p>
            <span className="font-mono break-all">{index.root}</span> is not inside a git checkout, so there
            are no revisions to review. Serve a folder of a git repository (its recordings folder, or the
            checkout itself), or run{" "}
            <code className="font-mono">npx tapedeck review --repo DIR --base REV</code>.
          </p>
        </ReviewMessage>
      </div>
    );
  }
  if (base === "") {
    return (
      <div className="space-y-4">
        <Intro />
        <ReviewForm base="" head={head} />
      </div>
    );
  }
  const loaded = await loadReview(repo.top, base, head === "" ? null : head);
  if (!loaded.ok) {
    return (
      <div className="space-y-4">
        <Intro />
        <ReviewForm base={base} head={head} />
        <ReviewMessage title="Bad revision">{loaded.message}</ReviewMessage>
      </div>
    );
  }
  const { review, id } = loaded;
  const suites = suiteCounts(review.changes);
  const filters = parseReviewFilters(params);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Review</h1>
        <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">
          <code className="font-mono">{review.base}</code> →{" "}
          <code className="font-mono">{isWorkingTree(review.head) ? "the working tree" : review.head}</code> ·{" "}
          {review.changes.length.toLocaleString("en-US")} recording{review.changes.length === 1 ? "" : "s"}{" "}
          changed, {substantiveCount(review)} to look at
        </p>
      </div>
      <ReviewForm base={base} head={head} />
      <ReviewSummary review={review} suites={suites} />
      <ReviewGroups review={review} selected={filters.group} />
      <ReviewChanges
        review={review}
        filters={filters}
        suites={suites}
        prefix={repo.prefix}
        inIndex={(relPath) => index.get(relPath) !== undefined}
        loadDetails={loadChangeDetails.bind(null, base, head === "" ? null : head, id)}
      />
    </div>
  );
}
