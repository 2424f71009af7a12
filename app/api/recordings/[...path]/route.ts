import { getIndex } from "@/lib/index/server-index";
import { relPathFromUrlSegments } from "@/lib/index/rel-path";
import { cassetteJson, exchangeJson } from "@/lib/recording/exchange-json";

export const dynamic = "force-dynamic";

/**
 * `GET /api/recordings/<path>`: a llama-stack recording's decoded exchange, a cassette's
 * `{format, test, interactions}`, or the reason the file is broken; with `secrets`, the
 * credentials found (each masked wherever it shows, as `[secret <rule>: <preview>]`).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const relPath = relPathFromUrlSegments((await params).path);
  const index = await getIndex();
  const opened = relPath === null ? null : await index.open(relPath);
  if (!opened) return Response.json({ error: "no such recording" }, { status: 404 });
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
  return Response.json({ path: summary.relPath, ok: true, ...cassetteJson(file), secrets });
}
