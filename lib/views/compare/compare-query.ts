/** What the compare page was asked for, from its URL. */
export interface CompareQuery {
  a: string;
  b: string;
  /** Show the noise (volatile fields) in the change lists and the raw diff. */
  noise: boolean;
  /** Show every line of the raw diff and every change, not the first ones. */
  all: boolean;
  /** The first chunk row of the aligned timelines; null for the default (just before the divergence). */
  chunk: number | null;
  /** For cassettes: the interaction compared on each side; null for the list of interaction pairs. */
  ia: number | null;
  ib: number | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function flag(value: string | string[] | undefined): boolean {
  const text = first(value);
  return text === "1" || text === "true" || text === "on";
}

export function parseCompareQuery(params: SearchParams): CompareQuery {
  const chunkText = first(params.chunk);
  const chunk = /^\d{1,7}$/.test(chunkText) ? Number(chunkText) : null;
  const index = (value: string | string[] | undefined) => {
    const text = first(value);
    return /^\d{1,7}$/.test(text) ? Number(text) : null;
  };
  return {
    a: first(params.a),
    b: first(params.b),
    noise: flag(params.noise),
    all: flag(params.all),
    chunk,
    ia: index(params.ia),
    ib: index(params.ib),
  };
}

/** `<rev>:<path>`: a version of a root-relative path in the root's repository. */
export function gitSource(rev: string, relPath: string): string {
  return `${rev}:${relPath}`;
}
