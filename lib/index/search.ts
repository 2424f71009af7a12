import MiniSearch from "minisearch";
import type { RecordingSummary } from "./summary-schema";

interface SearchDocument {
  id: string;
  testId: string;
  model: string;
  prompt: string;
  reply: string;
  fileName: string;
  error: string;
}

/** Distinct values joined (a cassette's interactions often repeat a model or a host). */
function joined(values: (string | null)[]): string {
  return [...new Set(values.filter((value): value is string => !!value))].join(" ");
}

function toDocument(summary: RecordingSummary): SearchDocument {
  const { interactions } = summary;
  if (interactions.length <= 1) {
    return {
      id: summary.relPath,
      testId: summary.testId ?? "",
      model: summary.model ?? "",
      prompt: summary.prompt,
      reply: summary.reply,
      fileName: summary.fileName,
      error: summary.error ?? summary.broken?.reason ?? "",
    };
  }
  return {
    id: summary.relPath,
    testId: summary.testId ?? "",
    model: joined(interactions.map((interaction) => interaction.model)),
    prompt: joined(interactions.map((interaction) => interaction.prompt)),
    reply: joined(interactions.map((interaction) => interaction.reply)),
    fileName: summary.fileName,
    error: joined(interactions.map((interaction) => interaction.error)),
  };
}

/** Splits on anything that is not a letter or digit, so `test_openai_chat[txt=...]` finds `chat`. */
function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Full-text search over test ids, models, prompts, replies and paths (minisearch). */
export class RecordingSearch {
  private readonly engine = new MiniSearch<SearchDocument>({
    fields: ["testId", "model", "prompt", "reply", "fileName", "error"],
    storeFields: [],
    tokenize,
    searchOptions: { boost: { testId: 2, model: 2 }, prefix: true, combineWith: "AND" },
  });

  constructor(summaries: Iterable<RecordingSummary>) {
    this.engine.addAll([...summaries].map(toDocument));
  }

  upsert(summary: RecordingSummary): void {
    if (this.engine.has(summary.relPath)) this.engine.replace(toDocument(summary));
    else this.engine.add(toDocument(summary));
  }

  remove(relPath: string): void {
    if (this.engine.has(relPath)) this.engine.discard(relPath);
  }

  /**
   * Paths that match every term of `query` (each term also as a prefix), best first. Only when
   * nothing matches are near spellings tried: fuzzy matching on every query costs more than it finds.
   */
  search(query: string): string[] {
    let results = this.engine.search(query);
    if (results.length === 0) results = this.engine.search(query, { fuzzy: 0.2 });
    return results.map((result) => String(result.id));
  }
}
