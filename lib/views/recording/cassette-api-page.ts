import type { RecordingFile } from "@/lib/model/recording-file";
import { interactionJson, type InteractionJson } from "@/lib/recording/exchange-json";
import { recordingApiHref } from "@/lib/urls";
import { INTERACTIONS_PER_PAGE, pageOfInteraction } from "./cassette-view";

/** What a request to the JSON API asks of a cassette: a page of interactions, or one of them. */
export type ApiAt = { page: number } | { interaction: number };

const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * Reads `?page=N` (from 1) or `?interaction=N` (from 0) of `/api/recordings/<path>`; page 1 when
 * neither is given. Other parameters are refused, as the list API does, so a misspelt one is not
 * silently ignored.
 */
export function parseApiAt(
  params: URLSearchParams,
): { ok: true; at: ApiAt } | { ok: false; message: string } {
  const unknown = [...params.keys()].filter((key) => key !== "page" && key !== "interaction");
  if (unknown.length > 0) {
    return { ok: false, message: `unknown parameter ${unknown[0]}: use page or interaction` };
  }
  const page = params.get("page");
  const interaction = params.get("interaction");
  if (page !== null && interaction !== null) {
    return { ok: false, message: "give page or interaction, not both" };
  }
  if (interaction !== null) {
    if (!WHOLE_NUMBER.test(interaction)) {
      return { ok: false, message: `interaction: must be a whole number from 0 (got "${interaction}")` };
    }
    return { ok: true, at: { interaction: Number(interaction) } };
  }
  if (page !== null && (!WHOLE_NUMBER.test(page) || Number(page) < 1)) {
    return { ok: false, message: `page: must be a whole number from 1 (got "${page}")` };
  }
  return { ok: true, at: { page: page === null ? 1 : Number(page) } };
}

/** Where a page (or one interaction) of a cassette sits among the others, and the links around it. */
export interface ApiPaging {
  /** Interactions in the file. */
  total: number;
  per_page: number;
  /** 1-based page shown (the page that holds the interaction asked for), and how many there are. */
  page: number;
  pages: number;
  /** The interaction asked for with `?interaction=`, else null. */
  interaction: number | null;
  /** The neighbouring pages (or interactions, when one was asked for); null at either end. */
  prev: string | null;
  next: string | null;
}

export interface CassetteApiPage {
  format: RecordingFile["format"];
  test: string | null;
  notes: string[];
  /** This page's interactions, or the one asked for. */
  interactions: InteractionJson[];
  paging: ApiPaging;
}

/**
 * One page of a cassette as the JSON API serves it: the interactions of that page (50, as on the
 * cassette's page), or the one asked for; a page past the end is clamped, as on the cassette's
 * page. Only what is served is converted, so a 100,000-interaction file answers as fast as a small
 * one. `basePath` prefixes the links (the server's sub-path). Null for an interaction the file
 * does not have.
 */
export function cassetteApiPage(
  file: RecordingFile,
  relPath: string,
  at: ApiAt,
  basePath = "",
): CassetteApiPage | null {
  const total = file.interactions.length;
  const per_page = INTERACTIONS_PER_PAGE;
  const pages = Math.max(1, Math.ceil(total / per_page));
  const link = (to: { page: number } | { interaction: number }) =>
    `${basePath}${recordingApiHref(relPath, to)}`;
  const head = { format: file.format, test: file.test, notes: file.notes };
  if ("interaction" in at) {
    const index = at.interaction;
    const one = file.interactions[index];
    if (!one) return null;
    return {
      ...head,
      interactions: [interactionJson(one)],
      paging: {
        total,
        per_page,
        page: pageOfInteraction(index, per_page),
        pages,
        interaction: index,
        prev: index > 0 ? link({ interaction: index - 1 }) : null,
        next: index + 1 < total ? link({ interaction: index + 1 }) : null,
      },
    };
  }
  const page = Math.min(Math.max(1, at.page), pages);
  return {
    ...head,
    interactions: file.interactions.slice((page - 1) * per_page, page * per_page).map(interactionJson),
    paging: {
      total,
      per_page,
      page,
      pages,
      interaction: null,
      prev: page > 1 ? link({ page: page - 1 }) : null,
      next: page < pages ? link({ page: page + 1 }) : null,
    },
  };
}
