import { z } from "zod";

export interface CommentTarget {
  /** The REST API root, `GITHUB_API_URL` (https://api.github.com, or a GitHub Enterprise one). */
  api: string;
  /** `owner/name`. */
  repository: string;
  issue: number;
  token: string;
}

const comment = z.object({ id: z.number(), body: z.string().nullable().optional() });

/** A GitHub REST API answer that is not a success. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

async function call(target: CommentTarget, method: string, url: string, body?: object): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: {
      Accept: "application/vnd.github+json",
      Authorization: `Bearer ${target.token}`,
      "X-GitHub-Api-Version": "2022-11-28",
      "User-Agent": "tapedeck-review-action",
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw new GitHubError(response.status, `${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
  }
  return response;
}

/** The `rel="next"` address of a `Link` header, or null. */
export function nextPage(link: string | null): string | null {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** The id of the first comment on the issue whose body starts with `marker`, or null. */
export async function findComment(target: CommentTarget, marker: string): Promise<number | null> {
  let url: string | null =
    `${target.api}/repos/${target.repository}/issues/${target.issue}/comments?per_page=100`;
  // A pull request with thousands of comments is read up to 50 pages; past that, a new comment.
  for (let page = 0; url !== null && page < 50; page++) {
    const response = await call(target, "GET", url);
    const list = z.array(comment).parse(await response.json());
    const found = list.find((item) => item.body?.startsWith(marker));
    if (found) return found.id;
    url = nextPage(response.headers.get("link"));
  }
  return null;
}

/**
 * Creates the review comment, or updates the one a previous run made (found by the marker the
 * report starts with): one comment per pull request, however often it is pushed.
 */
export async function upsertComment(
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<{ action: "created" | "updated"; id: number }> {
  const existing = await findComment(target, marker);
  const base = `${target.api}/repos/${target.repository}/issues`;
  if (existing !== null) {
    await call(target, "PATCH", `${base}/comments/${existing}`, { body });
    return { action: "updated", id: existing };
  }
  const created = comment.parse(
    await (await call(target, "POST", `${base}/${target.issue}/comments`, { body })).json(),
  );
  return { action: "created", id: created.id };
}
