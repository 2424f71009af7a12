import type { NextRequest } from "next/server";
import { getIndex } from "@/lib/index/server-index";
import { parseRecordingQuery, runScannedQuery } from "@/lib/index/query";

export const dynamic = "force-dynamic";

/** `GET /api/recordings?q=&suite=&family=&provider=&model=&streaming=&error=&page=&pageSize=` */
export async function GET(request: NextRequest) {
  const parsed = parseRecordingQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: 400 });
  const result = await runScannedQuery(await getIndex(), parsed.query);
  return Response.json(result);
}
