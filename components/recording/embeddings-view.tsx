import { useId } from "react";
import type { ResponseInfo } from "@/lib/model/exchange";
import { formatCount } from "@/lib/views/recording/format";
import { usageSummary } from "@/lib/views/recording/stream-timeline";
import { VectorSparkline } from "./vector-sparkline";

type Embeddings = Extract<ResponseInfo, { type: "embeddings" }>;

const SHOWN_NORMS = 24;

/** How many vectors, how long, their norms, and a picture of the first one. */
export function EmbeddingsView({ response }: { response: Embeddings }) {
  const embeddingsId = useId();
  const norms = response.norms.slice(0, SHOWN_NORMS);
  return (
    <section aria-labelledby={embeddingsId} className="space-y-3">
      <h3 id={embeddingsId} className="text-base font-semibold">
        Embeddings
      </h3>
      <dl className="grid gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-zinc-500">Vectors</dt>
          <dd className="text-sm">{formatCount(response.count)}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-zinc-500">Dimension</dt>
          <dd className="text-sm">{formatCount(response.dimension)}</dd>
        </div>
        {response.model && (
          <div>
            <dt className="text-xs uppercase tracking-wide text-zinc-500">Model</dt>
            <dd className="text-sm">{response.model}</dd>
          </div>
        )}
        {response.usage && (
          <div>
            <dt className="text-xs uppercase tracking-wide text-zinc-500">Usage</dt>
            <dd className="text-sm">{usageSummary(response.usage)}</dd>
          </div>
        )}
      </dl>
      {response.first.length > 0 && (
        <figure className="space-y-1">
          <VectorSparkline
            values={response.first}
            label={`The first vector's ${response.first.length} values`}
          />
          <figcaption className="text-xs text-zinc-500">
            First vector: {formatCount(response.first.length)} values, from{" "}
            {Math.min(...response.first).toFixed(4)} to {Math.max(...response.first).toFixed(4)}
          </figcaption>
        </figure>
      )}
      {norms.length > 0 && (
        <div>
          <p className="text-xs uppercase tracking-wide text-zinc-500">Norms</p>
          <ol className="flex flex-wrap gap-1.5 font-mono text-xs" aria-label="Vector norms">
            {norms.map((norm, i) => (
              <li key={i} className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
                {norm.toFixed(4)}
              </li>
            ))}
            {response.norms.length > SHOWN_NORMS && (
              <li className="px-1 text-zinc-500">
                … {formatCount(response.norms.length - SHOWN_NORMS)} more
              </li>
            )}
          </ol>
        </div>
      )}
    </section>
  );
}
