import { getIndex } from "@/lib/index/server-index";
import { checkBasicAuth } from "@/lib/server/basic-auth";

export const dynamic = "force-dynamic";

/**
 * Open without credentials (proxy.ts lets it through), for load balancers and health checks. With
 * `TAPEDECK_AUTH` set, the root's absolute path is for those who have the credentials: it says
 * where the server's files are.
 */
export async function GET(request: Request) {
  const expected = process.env.TAPEDECK_AUTH;
  const trusted = expected === undefined || checkBasicAuth(request.headers.get("authorization"), expected);
  const index = await getIndex();
  const summaries = index.list();
  return Response.json({
    ok: true,
    ...(trusted ? { root: index.root } : {}),
    recordings: summaries.length,
    broken: summaries.filter((summary) => summary.broken !== null).length,
    indexedAt: index.indexedAt.toISOString(),
  });
}
