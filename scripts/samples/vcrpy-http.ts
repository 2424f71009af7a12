import type { YamlValue } from "./yaml-writer";

/** What every vcrpy sample shares: the cassette folder, HTTP headers as the Python SDKs send them. */

export const ROOT = "python-app/tests/models/cassettes";

export type Headers = Record<string, YamlValue[]>;

export const OK = { code: 200, message: "OK" };

export function requestHeaders(host: string, body: string | null, extra: Headers = {}): Headers {
  return {
    accept: ["application/json"],
    "accept-encoding": ["gzip, deflate"],
    connection: ["keep-alive"],
    ...(body === null
      ? {}
      : { "content-length": [String(Buffer.byteLength(body))], "content-type": ["application/json"] }),
    host: [host],
    ...extra,
  };
}

export const OPENAI_SDK: Headers = {
  "user-agent": ["AsyncOpenAI/Python 1.109.1"],
  "x-stainless-arch": ["arm64"],
  "x-stainless-async": ["async:asyncio"],
  "x-stainless-lang": ["python"],
  "x-stainless-os": ["MacOS"],
  "x-stainless-package-version": ["1.109.1"],
  "x-stainless-read-timeout": ["600"],
  "x-stainless-retry-count": ["0"],
  "x-stainless-runtime": ["CPython"],
  "x-stainless-runtime-version": ["3.12.11"],
};

export function openaiResponseHeaders(contentType: string, processingMs: number, requestId: string): Headers {
  return {
    "access-control-expose-headers": ["X-Request-ID"],
    "alt-svc": ['h3=":443"; ma=86400'],
    connection: ["keep-alive"],
    "content-type": [contentType],
    "openai-organization": ["tapedeck-samples"],
    "openai-processing-ms": [String(processingMs)],
    "openai-project": ["proj_SamplePr0ject0000000000"],
    "openai-version": ["2020-10-01"],
    "strict-transport-security": ["max-age=31536000; includeSubDomains; preload"],
    "transfer-encoding": ["chunked"],
    "x-content-type-options": ["nosniff"],
    "x-request-id": [requestId],
  };
}
