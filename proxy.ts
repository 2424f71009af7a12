import { NextResponse, type NextRequest } from "next/server";
import { BASIC_CHALLENGE, checkBasicAuth } from "@/lib/server/basic-auth";
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
 * request), then a per-request CSP nonce that Next.js applies to its scripts.
 */
export function proxy(request: NextRequest) {
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
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy);
}
