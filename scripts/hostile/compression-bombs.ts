import { gzipSync } from "node:zlib";
import type { HostileFile } from "./hostile-files";
import {
  binaryBlock,
  CHAT_URL,
  httprrRecord,
  httprrRequest,
  httprrResponse,
  HTTPRR_MAGIC,
  MB,
  pollyHar,
  chatRequest,
  text,
  vcrpy,
} from "./cassette-writers";

/**
 * Gzip that expands to `megabytes` of `fill`: one member of 8 MB repeated (gunzip reads the
 * members one after the other), so building it costs one small compression.
 */
export function gzipBomb(megabytes: number, fill = " "): Buffer {
  const member = gzipSync(Buffer.alloc(8 * MB, fill), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil(megabytes / 8) }, () => member));
}

/**
 * Decompression bombs: a whole `.yaml.gz`, a gzip'd `!!binary` body, many bodies under the cap one
 * by one, a Polly base64 chunk array and an httprr body.
 */
export function compressionBombs(): HostileFile[] {
  const bombMb = 256;

  return [
    {
      path: "cassettes/gzip/file-bomb.yaml.gz",
      what: `a whole-file gzip that expands to ${bombMb} MB`,
      outcome: { ends: "failed", reason: /gzip file expands past the 100\.0 MB limit/ },
      bytes: () => Buffer.concat([gzipSync("interactions:\n- request:\n"), gzipBomb(bombMb, "#")]),
    },
    {
      path: "cassettes/gzip/binary-body-bomb.yaml",
      what: `a gzip'd \`!!binary\` response body that expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: text(
        vcrpy([
          {
            responseBody: `\n      string:${binaryBlock(gzipBomb(bombMb), "        ")}`,
            responseHeaders: { "content-encoding": "gzip", "content-type": "application/json" },
          },
        ]),
      ),
    },
    {
      path: "cassettes/gzip/many-body-bombs.yaml",
      what: "20 gzip'd bodies of 64 MB each: under the cap one by one, 1.3 GB in all",
      outcome: {
        ends: "problem",
        interaction: 1,
        interactions: 20,
        reason: /bodies of this file expand past the 100\.0 MB limit in all/,
      },
      bytes: () => {
        const body = binaryBlock(gzipBomb(64), "        ");
        const calls = Array.from({ length: 20 }, () => ({
          responseBody: `\n      string:${body}`,
          responseHeaders: { "content-encoding": "gzip", "content-type": "application/json" },
        }));
        return Buffer.from(vcrpy(calls));
      },
    },
    {
      path: "cassettes/gzip/polly-base64-chunks-bomb.har",
      what: `a Polly base64 chunk array whose gzip expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: () => {
        const member = gzipBomb(8);
        const chunks = Array.from({ length: bombMb / 8 }, () => member.toString("base64"));
        return Buffer.from(
          pollyHar([
            {
              url: CHAT_URL,
              content: {
                encoding: "base64",
                mimeType: "application/json",
                size: bombMb * MB,
                text: JSON.stringify(chunks),
              },
              responseHeaders: [
                ["content-encoding", "gzip"],
                ["content-type", "application/json"],
              ],
            },
          ]),
        );
      },
    },
    {
      path: "cassettes/gzip/httprr-body-bomb.httprr",
      what: `an httprr response body, gzip, that expands to ${bombMb} MB`,
      outcome: {
        ends: "problem",
        interaction: 0,
        interactions: 1,
        reason: /gzip body expands past the 100\.0 MB limit/,
      },
      bytes: () =>
        Buffer.concat([
          Buffer.from(HTTPRR_MAGIC),
          httprrRecord(
            httprrRequest(CHAT_URL, chatRequest("ping")),
            httprrResponse(
              [
                ["Content-Encoding", "gzip"],
                ["Content-Type", "application/json"],
              ],
              gzipBomb(bombMb),
            ),
          ),
        ]),
    },
  ];
}
