export interface VectorPicture {
  /** One bar per bucket of neighbouring values: the lowest and highest value in it. */
  bars: { min: number; max: number }[];
  /** The value range drawn (always contains 0). */
  low: number;
  high: number;
}

/** Reduces a vector to at most `maxBars` buckets for a small picture. */
export function vectorPicture(values: readonly number[], maxBars = 192): VectorPicture {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { bars: [], low: 0, high: 0 };
  const count = Math.min(maxBars, finite.length);
  const bars: VectorPicture["bars"] = [];
  let low = 0;
  let high = 0;
  for (let bar = 0; bar < count; bar++) {
    const from = Math.floor((bar * finite.length) / count);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * finite.length) / count));
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to; i++) {
      const value = finite[i] ?? 0;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    bars.push({ min, max });
    low = Math.min(low, min);
    high = Math.max(high, max);
  }
  return { bars, low, high };
}
