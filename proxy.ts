import { NextResponse, type NextRequest } from "next/server";
import { BASIC_CHALLENGE, checkBasicAuth } from "@/lib/server/basic-auth";
import { badRevision } from "@/lib/server/revision-status";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/server/security-headers";

/** Open without credentials, so load balancers and the container's health check can reach it. */
const HEALTH_PATH = "/api/health";

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * In front of every request: HTTP basic auth when `TAPEDECK_AUTH` is set (read at run time, per
 * request), then a per-request CSP nonce that Next.js applies to its scripts, and the 400 status
 * of a page asked for a bad revision.
 */
export async function proxy(request: NextRequest) {
  const dev = process.env.NODE_ENV === "development";
  const policy = contentSecurityPolicy(newNonce(), dev);
  const expected = process.env.TAPEDECK_AUTH;
  if (
    expected !== undefined &&
    request.nextUrl.pathname !== HEALTH_PATH &&
    !checkBasicAuth(request.headers.get("authorization"), expected)
  ) {
    const denied = new NextResponse(null, { status: 401, headers: { "WWW-Authenticate": BASIC_CHALLENGE } });
    return withSecurityHeaders(denied, policy);
  }
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  // A page cannot set its status: a refused or unknown revision on /review or /compare is a 400
  // given here, and the page renders as the body (it names the reason). Next keeps the status of
  // `next()` for the route it then renders; e2e/bad-revision.spec.ts holds it to that. (A rewrite
  // to the same URL would do too, but is proxied over HTTP when the server binds another host
  // name than the one Next gives the proxy, as the standalone server does.)
  const bad = await badRevision(request.nextUrl.pathname, request.nextUrl.searchParams);
  const response = NextResponse.next({ status: bad === null ? 200 : 400, request: { headers } });
  return withSecurityHeaders(response, policy);
}
