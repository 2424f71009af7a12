import type { Decoded } from "@/lib/recording/decode";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { firstExchange } from "@/lib/recording/first-exchange";

/** One recording of a parametrization, in call order. */
export interface CallOption {
  relPath: string;
  /** 1-based position in the test's calls. */
  call: number;
  label: string;
}

/**
 * The recordings of one parametrization in call order. Files do not say when they were made, so
 * the order is inferred: a later call of a multi-turn test carries more messages; ties keep the
 * order of the paths.
 */
export function callOptions(
  recordings: readonly RecordingSummary[],
  messageCounts: ReadonlyMap<string, number>,
): CallOption[] {
  const count = (summary: RecordingSummary) => messageCounts.get(summary.relPath) ?? 0;
  return [...recordings]
    .sort((x, y) => count(x) - count(y) || x.relPath.localeCompare(y.relPath))
    .map((summary, i) => {
      const messages = messageCounts.get(summary.relPath);
      const facts = [
        summary.model,
        messages === undefined ? null : `${messages} message${messages === 1 ? "" : "s"}`,
        summary.fileName.length > 20 ? `${summary.fileName.slice(0, 12)}…` : summary.fileName,
      ].filter(Boolean);
      return { relPath: summary.relPath, call: i + 1, label: `call ${i + 1} · ${facts.join(" · ")}` };
    });
}

/** The n-th call of one parametrization beside the n-th of another, as far as both go. */
export function pairByCall(
  a: readonly CallOption[],
  b: readonly CallOption[],
): { a: CallOption; b: CallOption }[] {
  const pairs: { a: CallOption; b: CallOption }[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x && y) pairs.push({ a: x, b: y });
  }
  return pairs;
}

/** A name for a parametrization: its parameters, else provider/model, else the test id. */
export function parametrizationLabel(p: {
  testId: string;
  params: string | null;
  provider: string | null;
  model: string | null;
}): string {
  if (p.params) return `[${p.params}]`;
  if (p.provider || p.model) return [p.provider, p.model].filter(Boolean).join("/");
  return p.testId;
}

/** How many request messages each recording sent (the key to call order); unreadable files are left out. */
export async function messageCounts(
  index: { open(relPath: string): Promise<{ read: { decoded: Decoded } } | null> },
  recordings: readonly RecordingSummary[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await Promise.all(
    recordings.map(async (summary) => {
      const opened = await index.open(summary.relPath);
      const exchange = opened ? firstExchange(opened.read.decoded) : null;
      if (exchange) counts.set(summary.relPath, exchange.request.messages.length);
    }),
  );
  return counts;
}
