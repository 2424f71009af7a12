/** What the match page was asked for, from its URL. */
export interface MatchQuery {
  /** The paste's id (the paste itself is kept by the server). */
  id: string;
  /** Which request comparison to open: the answer (one per failure of a log) and its candidate. */
  compare: { answer: number; candidate: number } | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function parseMatchQuery(params: SearchParams): MatchQuery {
  const compare = /^(\d{1,3})\.(\d{1,3})$/.exec(first(params.compare));
  return {
    id: first(params.id),
    compare: compare ? { answer: Number(compare[1]), candidate: Number(compare[2]) } : null,
  };
}
