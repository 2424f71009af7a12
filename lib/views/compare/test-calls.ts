import type { Decoded } from "@/lib/recording/decode";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { firstExchange } from "@/lib/recording/first-exchange";

/** One recording of a parametrization: a llama-stack file (one call) or a cassette (all its calls). */
export interface CallOption {
  relPath: string;
  /** 1-based position among the parametrization's recordings. */
  call: number;
  /** True for a cassette: the file holds every call of the test, compared pair by pair. */
  cassette: boolean;
  /** The calls the file holds: 1 for a llama-stack recording, a cassette's interactions. */
  calls: number;
  label: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The models a cassette's calls asked for, in order of first use: `a`, `a, b`, `a, b +2`. */
function modelsOf(summary: RecordingSummary): string | null {
  const models = [...new Set(summary.interactions.flatMap((i) => (i.model === null ? [] : [i.model])))];
  if (models.length === 0) return summary.model;
  const shown = models.slice(0, 2).join(", ");
  return models.length > 2 ? `${shown} +${models.length - 2}` : shown;
}

function shortName(fileName: string): string {
  return fileName.length > 20 ? `${fileName.slice(0, 12)}…` : fileName;
}

/**
 * The recordings of one parametrization in call order. A llama-stack file is one call, and files
 * do not say when they were made, so the order is inferred: a later call of a multi-turn test
 * carries more messages; ties keep the order of the paths. A cassette holds its calls itself (the
 * compare page pairs them), so it is labelled with how many it holds and ordered by path.
 */
export function callOptions(
  recordings: readonly RecordingSummary[],
  messageCounts: ReadonlyMap<string, number>,
): CallOption[] {
  const count = (summary: RecordingSummary) => messageCounts.get(summary.relPath) ?? 0;
  const cassettes = recordings.filter(isCassette).length;
  return [...recordings]
    .sort((x, y) => count(x) - count(y) || x.relPath.localeCompare(y.relPath))
    .map((summary, i) => {
      const call = i + 1;
      if (isCassette(summary)) {
        const calls = summary.interactions.length;
        const facts = [
          cassettes > 1 ? `cassette ${call}` : "cassette",
          plural(calls, "call"),
          modelsOf(summary),
          summary.fileName,
        ].filter(Boolean);
        return { relPath: summary.relPath, call, cassette: true, calls, label: facts.join(" · ") };
      }
      const messages = messageCounts.get(summary.relPath);
      const facts = [
        summary.model,
        messages === undefined ? null : plural(messages, "message"),
        shortName(summary.fileName),
      ].filter(Boolean);
      return {
        relPath: summary.relPath,
        call,
        cassette: false,
        calls: 1,
        label: `call ${call} · ${facts.join(" · ")}`,
      };
    });
}

/** The n-th recording of one parametrization beside the n-th of another, as far as both go. */
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

/**
 * What a link comparing a recording `b` of another parametrization with the selected one's `a`
 * says; a cassette's link names how many calls each side holds (the compare page pairs them all).
 */
export function compareLinkLabel(pair: { a: CallOption; b: CallOption }, several: boolean): string {
  const { a, b } = pair;
  if (a.cassette || b.cassette) {
    const which = several ? `cassette ${b.call}` : "its";
    const own = several ? `${which} (${plural(b.calls, "call")})` : `its ${plural(b.calls, "call")}`;
    return `compare ${own} with the selected one's ${a.calls}`;
  }
  return several ? `compare call ${b.call} with the selected one` : "compare with the selected one";
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

/** Whether the index read this file as a cassette (its calls are its interactions, not files). */
export function isCassette(summary: RecordingSummary): boolean {
  return summary.format !== null && summary.format !== "llama-stack";
}

/**
 * How many request messages each llama-stack recording sent (the key to call order); unreadable
 * files are left out. A llama-stack file holds exactly one call, so its first exchange is the
 * call; cassettes are not opened (their calls keep the order they were recorded in).
 */
export async function messageCounts(
  index: { open(relPath: string): Promise<{ read: { decoded: Decoded } } | null> },
  recordings: readonly RecordingSummary[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await Promise.all(
    recordings
      .filter((summary) => summary.format === "llama-stack")
      .map(async (summary) => {
        const opened = await index.open(summary.relPath);
        const exchange = opened ? firstExchange(opened.read.decoded) : null;
        if (exchange) counts.set(summary.relPath, exchange.request.messages.length);
      }),
  );
  return counts;
}
