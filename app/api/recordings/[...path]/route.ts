import { getIndex } from "@/lib/index/server-index";
import { relPathFromUrlSegments } from "@/lib/index/rel-path";
import { exchangeJson } from "@/lib/recording/exchange-json";
import { cassetteApiPage, parseApiAt } from "@/lib/views/recording/cassette-api-page";

export const dynamic = "force-dynamic";

/** The sub-path the build serves under (`next.config.js`): the paging links carry it. */
const BASE_PATH = process.env.TAPEDECK_BUILT_BASE_PATH ?? "";

/**
 * `GET /api/recordings/<path>[?page=N | ?interaction=N]`: a llama-stack recording's decoded
 * exchange; a cassette's `{format, test, notes, interactions, paging}` with one page of 50
 * interactions (or the one asked for), `paging` holding the total and the prev/next links; or the
 * reason the file is broken. With `secrets`, the credentials found (each masked wherever it
 * shows, as `[secret <rule>: <preview>]`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const relPath = relPathFromUrlSegments((await params).path);
  const index = await getIndex();
  const opened = relPath === null ? null : await index.open(relPath);
  if (!opened) return Response.json({ error: "no such recording" }, { status: 404 });
  const asked = parseApiAt(new URL(request.url).searchParams);
  if (!asked.ok) return Response.json({ error: asked.message }, { status: 400 });
  const { summary, read, secrets } = opened;
  if (!read.decoded.ok) {
    return Response.json({
      path: summary.relPath,
      ok: false,
      broken: { kind: read.decoded.kind, reason: read.decoded.reason },
      secrets,
    });
  }
  const file = read.decoded.file;
  const first = file.interactions[0];
  if (file.format === "llama-stack" && first) {
    return Response.json({ path: summary.relPath, ok: true, exchange: exchangeJson(first.exchange), secrets });
  }
  const page = cassetteApiPage(file, summary.relPath, asked.at, BASE_PATH);
  if (!page) {
    const count = file.interactions.length;
    const has = count === 0 ? "none" : `${count}, from 0 to ${count - 1}`;
    return Response.json({ error: `no such interaction: the file has ${has}` }, { status: 404 });
  }
  return Response.json({ path: summary.relPath, ok: true, ...page, secrets });
}
