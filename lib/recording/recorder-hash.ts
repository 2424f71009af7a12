import { createHash } from "node:crypto";
import { isLosslessNumber, LosslessNumber } from "lossless-json";
import { hashedObject } from "./file-name";
import { fastPythonDumps } from "./python-dumps";
import { pythonFixed5, pythonFloatRepr, pythonRound5 } from "./python-float";

/**
 * llama-stack's request hash, as its recorder computes it today and as it did before. The current
 * recorder (`normalize_inference_request`, `normalize_http_request`) hashes the body after
 * `_normalize_body_for_hash`: floats rounded to 5 places, long decimals inside strings rounded,
 * file-search scores, attributes, document ids and citations masked, `stream_options` dropped for
 * Bedrock and `project_id` dropped from `extra_body`/`extra_query`. Older recorders hashed the body
 * as it was, and before 2025-10 without the test id. Values come from lossless-json, so a float
 * that was written `1.0` is still a float.
 */

/** Endpoints whose recordings are shared across tests: hashed without the test id. */
const SHARED_ENDPOINTS = new Set(["/api/tags", "/v1/models", "/v1/openai/v1/models"]);

const FLOAT_IN_STRING = /(-?\d+\.\d{4,})/g;
const FILE_SEARCH_SCORE = /score:\s*[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?/g;
const FILE_SEARCH_ATTRIBUTES = /,?\s*attributes:\s*\{[^}]*\}/g;
const FILE_SEARCH_DOCUMENT_ID =
  /document_id:\s*[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}/g;
const FILE_SEARCH_CITATION = /<\|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\|>/g;

/** Whether a number's recorded text makes it a Python float (`1.0`, `1e5`) rather than an int. */
function isFloatText(text: string): boolean {
  return /[.eE]/.test(text);
}

function normalizeString(value: string): string {
  return value
    .replace(FILE_SEARCH_SCORE, "score: __NORMALIZED__")
    .replace(FILE_SEARCH_ATTRIBUTES, "")
    .replace(FILE_SEARCH_DOCUMENT_ID, "document_id: __NORMALIZED__")
    .replace(FILE_SEARCH_CITATION, "<|__NORMALIZED__|>")
    .replace(FLOAT_IN_STRING, (literal) => pythonFixed5(Number(literal)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/**
 * `_normalize_body_for_hash` over a lossless value. As in the recorder, list items are normalized
 * as roots (so `extra_body.project_id` goes wherever a list holds such an object) and only the
 * top-level `stream_options` is dropped.
 */
export function normalizeBodyForHash(value: unknown, excludeStreamOptions = false, isRoot = true): unknown {
  if (isLosslessNumber(value)) {
    if (!isFloatText(value.value)) return value;
    return new LosslessNumber(pythonFloatRepr(pythonRound5(Number(value.value))));
  }
  if (typeof value === "number") {
    // Plain numbers (not read losslessly) count as ints when whole, as JSON.parse leaves them.
    return Number.isInteger(value) ? value : new LosslessNumber(pythonFloatRepr(pythonRound5(value)));
  }
  if (typeof value === "string") return normalizeString(value);
  if (Array.isArray(value)) return value.map((item) => normalizeBodyForHash(item));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = normalizeBodyForHash(item, false, false);
    if (excludeStreamOptions) delete out.stream_options;
    if (isRoot) {
      for (const extraKey of ["extra_body", "extra_query"]) {
        const extra = out[extraKey];
        if (isRecord(extra)) delete extra.project_id;
      }
    }
    return out;
  }
  return value;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hostOf(url: unknown): string {
  if (typeof url !== "string") return "";
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

export interface RequestHashes {
  /** The hash today's recorder computes (normalized body, test id unless a shared endpoint). */
  current: string | null;
  /** Every hash a recorder of some era could have named the file with (full 64 hex). */
  variants: string[];
  /** Which fields the current hash covers, for the reader. */
  basis: string | null;
  /** Which fields each variant covers. */
  variantBasis: Map<string, string>;
}

/**
 * The hashes of a llama-stack request: `envelope` is `{test_id?, request}` parsed with lossless-json
 * (numbers as `LosslessNumber`). Returns nulls for a request of no known shape.
 */
export function requestHashes(envelope: {
  test_id?: unknown;
  request: Record<string, unknown>;
}): RequestHashes {
  const withTest = hashedObject(envelope, true);
  if (!withTest) return { current: null, variants: [], basis: null, variantBasis: new Map() };
  const withoutTest = hashedObject(envelope, false);
  const { object } = withTest;
  const variants: string[] = [];
  const variantBasis = new Map<string, string>();
  // The variants share their bodies: each is written once.
  const memo = new WeakMap<object, string>();
  const add = (value: Record<string, unknown>, basis: string) => {
    const hash = sha256(fastPythonDumps(value, memo));
    if (!variantBasis.has(hash)) {
      variants.push(hash);
      variantBasis.set(hash, basis);
    }
    return hash;
  };
  let current: string;
  let basis = withTest.basis;
  if ("body" in object) {
    const endpoint = typeof object.endpoint === "string" ? object.endpoint : "";
    const bedrock = hostOf(envelope.request.url).includes("bedrock");
    const normalized: Record<string, unknown> = {
      ...object,
      body: normalizeBodyForHash(object.body, bedrock),
    };
    if (SHARED_ENDPOINTS.has(endpoint)) {
      delete normalized.test_id;
      basis = "{method, endpoint, body}";
    }
    current = add(normalized, basis);
    add(object, withTest.basis);
    if (withoutTest) {
      add(withoutTest.object, withoutTest.basis);
      add({ ...withoutTest.object, body: normalized.body }, withoutTest.basis);
    }
  } else if ("payload" in object) {
    current = add({ ...object, payload: normalizeBodyForHash(object.payload) }, basis);
    add(object, basis);
  } else {
    current = add(object, basis);
  }
  return { current, variants, basis, variantBasis };
}

/** Whether a file name's hash (12 or 64 hex) names one of these hashes. */
export function nameCarries(nameHash: string, hashes: readonly string[]): boolean {
  return carriedHash(nameHash, hashes) !== undefined;
}

/** The hash a file name's hash (12 or 64 hex) names, among these. */
export function carriedHash(nameHash: string, hashes: readonly string[]): string | undefined {
  return hashes.find((hash) => (nameHash.length === 64 ? hash === nameHash : hash.startsWith(nameHash)));
}
