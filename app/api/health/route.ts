import { getIndex } from "@/lib/index/server-index";

export const dynamic = "force-dynamic";

export async function GET() {
  const index = await getIndex();
  const summaries = index.list();
  return Response.json({
    ok: true,
    root: index.root,
    recordings: summaries.length,
    broken: summaries.filter((summary) => summary.broken !== null).length,
    indexedAt: index.indexedAt.toISOString(),
  });
}
