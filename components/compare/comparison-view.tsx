import { compareRecordings, type DecodedSide } from "@/lib/diff/compare";
import { rawJsonDiff } from "@/lib/views/compare/aligned-json";
import { requestChangeList, rawResponseChangeList } from "@/lib/views/compare/change-lists";
import { compareHref } from "@/lib/urls";
import type { CompareQuery } from "@/lib/views/compare/compare-query";
import { capBlocks } from "@/lib/views/compare/line-diff";
import { metadataRows } from "@/lib/views/compare/metadata-rows";
import { formatCount } from "@/lib/views/recording/format";
import { ChangeList } from "./change-list";
import { MetadataDiff } from "./metadata-diff";
import { NoiseToggle } from "./noise-toggle";
import { RawDiffView } from "./raw-diff-view";
import { ReplyDiff } from "./reply-diff";
import { Section } from "./section";
import { TimelineDiff } from "./timeline-diff";
import { VerdictPanel } from "./verdict-panel";

/** Changes listed per list before "show all". */
const CHANGES_LIMIT = 50;
/** Raw diff lines shown before "show all". */
const RAW_LINES_LIMIT = 400;

function chunksOf(side: DecodedSide) {
  const response = side.exchange.response;
  return response.type === "message" ? response.chunks : [];
}

/** Everything the compare page shows about two readable recordings, verdict first. */
export function ComparisonView({ a, b, query }: { a: DecodedSide; b: DecodedSide; query: CompareQuery }) {
  const comparison = compareRecordings(a, b);
  const href = (change: Partial<CompareQuery>) => compareHref({ ...query, ...change });
  const noiseHref = href({ noise: !query.noise });
  const toggle = <NoiseToggle shown={query.noise} count={comparison.noise.length} href={noiseHref} />;
  const limit = query.all ? null : CHANGES_LIMIT;
  const allHref = href({ all: true });
  // The comparison's own noise (by the cassette rules for a cassette pair) is what the raw diff hides.
  const raw = rawJsonDiff(a.raw, b.raw, query.noise ? [] : comparison.noise);
  const capped = raw.ok
    ? capBlocks(raw.blocks, query.all ? Number.POSITIVE_INFINITY : RAW_LINES_LIMIT)
    : null;
  return (
    <div className="space-y-8">
      <VerdictPanel
        comparison={comparison}
        a={query.a}
        b={query.b}
        interactions={{ a: query.ia, b: query.ib }}
        noiseShown={query.noise}
        noiseHref={noiseHref}
      />
      <Section id="request-heading" title="Request">
        <ChangeList
          changes={requestChangeList(comparison, query.noise)}
          label="Request changes"
          limit={limit}
          allHref={allHref}
          empty="The requests are the same."
        />
      </Section>
      <Section id="reply-heading" title="Reply">
        <ReplyDiff a={a.exchange} b={b.exchange} comparison={comparison} />
      </Section>
      <Section id="timeline-heading" title="Chunk timelines">
        <TimelineDiff
          a={chunksOf(a)}
          b={chunksOf(b)}
          stream={comparison.stream}
          requested={query.chunk}
          hrefFor={(chunk) => `${href({ chunk })}#timeline-heading`}
        />
      </Section>
      <Section id="metadata-heading" title="Metadata">
        <MetadataDiff
          rows={metadataRows(
            { source: query.a, text: a.text, exchange: a.exchange },
            { source: query.b, text: b.text, exchange: b.exchange },
          )}
        />
      </Section>
      <Section id="raw-changes-heading" title="Raw response changes" aside={toggle}>
        <ChangeList
          changes={rawResponseChangeList(comparison, query.noise)}
          label="Raw response changes"
          limit={limit}
          allHref={allHref}
          empty="No differences in the raw response beyond the message above."
        />
      </Section>
      <Section
        id="raw-heading"
        title="Raw JSON diff"
        aside={
          <>
            <span className="text-sm text-zinc-500">
              {raw.ok ? `${formatCount(raw.changedLines)} changed lines` : ""}
              {query.noise ? " · noise shown" : " · noise hidden"}
            </span>
            {toggle}
          </>
        }
      >
        {raw.ok && capped ? (
          raw.changedLines === 0 ? (
            <p className="text-sm text-zinc-500">
              No line differs{query.noise ? "" : " once the noise is hidden"}.
            </p>
          ) : (
            <RawDiffView blocks={capped.blocks} hiddenLines={capped.hiddenLines} allHref={allHref} />
          )
        ) : (
          <p className="text-sm text-amber-700 dark:text-amber-400">{raw.ok ? "" : raw.reason}</p>
        )}
      </Section>
    </div>
  );
}
