import { isPlaceholder, looksLikeCredential } from "./placeholder";
import type { Segment } from "./segments";

/** What a rule reports before the finding is made: the value and where it is. */
export interface RawFinding {
  interaction: number | null;
  location: string;
  rule: string;
  value: string;
}

/** Headers that carry a credential whatever their value looks like. */
const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
  "apikey",
  "x-goog-api-key",
  "x-amz-security-token",
  "x-auth-token",
  "x-access-token",
  "x-api-token",
  "private-token",
  "x-functions-key",
  "ocp-apim-subscription-key",
  "x-rapidapi-key",
  "x-subscription-token",
]);
/** Other header names that say "credential" (`openai-api-key`, `x-session-token`). */
const CREDENTIAL_HEADER_NAME =
  /(?:^|[-_])(?:api-?key|secret|password|access-token|auth-token|session-token|security-token)$/;

/** Query parameters that carry a credential. */
const CREDENTIAL_PARAMS = new Set([
  "key",
  "api_key",
  "apikey",
  "api-key",
  "access_token",
  "accesstoken",
  "auth",
  "auth_token",
  "token",
  "client_secret",
  "password",
  "secret",
  "x-amz-security-token",
  "subscription-key",
]);

/** JSON fields that hold a credential (names compared without case, `-` or `_`). */
const CREDENTIAL_FIELDS = new Set([
  "apikey",
  "xapikey",
  "secretkey",
  "clientsecret",
  "password",
  "passwd",
  "accesstoken",
  "refreshtoken",
  "authtoken",
  "bearertoken",
  "sessiontoken",
  "secretaccesskey",
  "awssecretaccesskey",
  "awssessiontoken",
]);

/** Cookies that hold a session or a login (Cloudflare's `__cf_bm`/`_cfuvid` bot cookies do not). */
const SESSION_COOKIE =
  /sess|(?:^|[-_.])sid$|^sid|auth|token|jwt|login|remember|credential|^__(?:host|secure)-/i;

const ACCESS_KEY_ID = /^(?:AKIA|ASIA|AIDA|AROA|AGPA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}$/;

function sigV4(value: string, at: Omit<RawFinding, "value" | "rule">): RawFinding[] {
  const credential = /Credential=([^/,\s]+)/.exec(value)?.[1];
  if (!credential || !ACCESS_KEY_ID.test(credential) || isPlaceholder(credential)) return [];
  return [{ ...at, rule: "aws-sigv4-credential", value: credential }];
}

function basicCredential(encoded: string): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(encoded)) return false;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0 || /[^\x20-\x7e]/.test(decoded)) return false;
  const password = decoded.slice(colon + 1);
  return password.length >= 6 && !isPlaceholder(password) && !isPlaceholder(decoded);
}

/** An `authorization`-like value: its scheme decides where the credential is. */
function authorization(value: string, at: Omit<RawFinding, "value" | "rule">): RawFinding[] {
  const match = /^([A-Za-z0-9_-]+(?:-HMAC-[A-Z0-9]+)?)\s+(.+)$/s.exec(value.trim());
  if (!match)
    return looksLikeCredential(value.trim())
      ? [{ ...at, rule: "credential-header", value: value.trim() }]
      : [];
  const scheme = (match[1] ?? "").toLowerCase();
  const rest = (match[2] ?? "").trim();
  if (scheme.startsWith("aws4-")) return sigV4(rest, at);
  if (scheme === "basic")
    return basicCredential(rest) ? [{ ...at, rule: "basic-auth-header", value: rest }] : [];
  if (scheme === "digest" || scheme === "negotiate") return [];
  return looksLikeCredential(rest) ? [{ ...at, rule: "credential-header", value: rest }] : [];
}

function cookies(header: string, value: string, at: Omit<RawFinding, "value" | "rule">): RawFinding[] {
  const pairs = header === "set-cookie" ? [value.split(";")[0] ?? ""] : value.split(";");
  const found: RawFinding[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    const cookie = pair
      .slice(equals + 1)
      .trim()
      .replace(/^"|"$/g, "");
    if (!SESSION_COOKIE.test(name) || cookie.length < 12 || isPlaceholder(cookie)) continue;
    found.push({ ...at, location: `${at.location} (${name})`, rule: "session-cookie", value: cookie });
  }
  return found;
}

function headerFindings(segment: Extract<Segment, { kind: "header" }>): RawFinding[] {
  const name = segment.name.toLowerCase();
  const at = { interaction: segment.interaction, location: `${segment.location} ${name}` };
  if (name === "cookie" || name === "set-cookie") return cookies(name, segment.value, at);
  if (name === "authorization" || name === "proxy-authorization") return authorization(segment.value, at);
  if (CREDENTIAL_HEADERS.has(name) || CREDENTIAL_HEADER_NAME.test(name)) {
    // Some clients send `x-api-key: Bearer …` too.
    return authorization(segment.value, at);
  }
  return [];
}

/** `a=b&c=d` split without decoding, so the value is found as the file spells it. */
export function rawParams(query: string): [string, string][] {
  return query
    .split("&")
    .filter(Boolean)
    .map((pair): [string, string] => {
      const equals = pair.indexOf("=");
      return equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function paramFindings(
  params: [string, string][],
  at: Omit<RawFinding, "value" | "rule">,
  what: string,
): RawFinding[] {
  const found: RawFinding[] = [];
  for (const [rawName, value] of params) {
    const name = decodeComponent(rawName).toLowerCase();
    const where = { ...at, location: `${at.location} ${what} ${name}` };
    if (name === "x-amz-credential") {
      found.push(...sigV4(`Credential=${decodeComponent(value)}`, where));
      continue;
    }
    if (!CREDENTIAL_PARAMS.has(name)) continue;
    if (looksLikeCredential(decodeComponent(value)))
      found.push({ ...where, rule: "credential-query", value });
  }
  return found;
}

function urlFindings(segment: Extract<Segment, { kind: "url" }>): RawFinding[] {
  const at = { interaction: segment.interaction, location: segment.location };
  const found: RawFinding[] = [];
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(segment.url)?.[1];
  if (userinfo) {
    const colon = userinfo.indexOf(":");
    const password = colon < 0 ? "" : userinfo.slice(colon + 1);
    if (password.length >= 6 && !isPlaceholder(decodeComponent(password))) {
      found.push({ ...at, location: `${at.location} userinfo`, rule: "url-basic-auth", value: password });
    }
  }
  const question = segment.url.indexOf("?");
  if (question >= 0) {
    const query = segment.url.slice(question + 1).split("#")[0] ?? "";
    found.push(...paramFindings(rawParams(query), at, "query"));
  }
  return found;
}

function fieldFindings(segment: Extract<Segment, { kind: "text" }>): RawFinding[] {
  const found: RawFinding[] = [];
  const key = segment.key?.toLowerCase().replace(/[-_]/g, "");
  if (key && CREDENTIAL_FIELDS.has(key) && looksLikeCredential(segment.text.trim())) {
    found.push({
      interaction: segment.interaction,
      location: segment.location,
      rule: "credential-field",
      value: segment.text.trim(),
    });
  }
  // A form-encoded body (`grant_type=…&client_secret=…`).
  const text = segment.text;
  if (segment.location.startsWith("request body") && /^[\w.%-]+=[^\s&]*(?:&[\w.%-]+=[^\s&]*)+$/.test(text)) {
    found.push(
      ...paramFindings(
        rawParams(text),
        { interaction: segment.interaction, location: segment.location },
        "form",
      ),
    );
  }
  return found;
}

/** What only a recording knows: credentials by the header, parameter or field that holds them. */
export function recordingRuleFindings(segment: Segment): RawFinding[] {
  switch (segment.kind) {
    case "header":
      return headerFindings(segment);
    case "url":
      return urlFindings(segment);
    case "text":
      return fieldFindings(segment);
  }
}
