import { vectorPicture } from "@/lib/views/recording/vector-picture";

const HEIGHT = 64;
const BAR = 3;

/** A small picture of a vector: one bar per bucket of values, from its lowest to its highest. */
export function VectorSparkline({ values, label }: { values: readonly number[]; label: string }) {
  const picture = vectorPicture(values);
  const span = picture.high - picture.low || 1;
  const y = (value: number) => ((picture.high - value) / span) * HEIGHT;
  const width = Math.max(1, picture.bars.length) * BAR;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="none"
      className="h-16 w-full max-w-2xl rounded bg-zinc-50 text-indigo-500 dark:bg-zinc-950/60 dark:text-indigo-400"
    >
      <line
        x1={0}
        x2={width}
        y1={y(0)}
        y2={y(0)}
        className="stroke-zinc-300 dark:stroke-zinc-700"
        strokeWidth={0.5}
      />
      {picture.bars.map((bar, i) => {
        const top = y(Math.max(bar.max, 0));
        const bottom = y(Math.min(bar.min, 0));
        return (
          <rect
            key={i}
            x={i * BAR}
            y={top}
            width={BAR - 0.6}
            height={Math.max(0.5, bottom - top)}
            fill="currentColor"
          />
        );
      })}
    </svg>
  );
}
