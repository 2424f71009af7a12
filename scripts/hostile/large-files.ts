import type { HostileFile } from "./hostile-files";
import { CHAT_URL, vcrpy } from "./cassette-writers";

/** Large but honest cassettes: 100,000 small interactions, URLs of 1 MB. */
export function largeFiles(full: boolean): HostileFile[] {
  const manyInteractions = full ? 100_000 : 5_000;
  const urlBytes = 1024 * 1024;

  return [
    {
      path: "cassettes/scale/many-interactions.yaml",
      what: `${manyInteractions.toLocaleString("en-US")} small interactions`,
      outcome: { ends: "opens", interactions: manyInteractions },
      bytes: () => {
        // Small ones (about 280 bytes each, flow style for the short maps), so that 100,000 stay
        // under the 50 MB file limit.
        const parts = ["interactions:\n"];
        for (let index = 0; index < manyInteractions; index++) {
          parts.push(
            `- request:\n    body: '{"model":"m","messages":[{"role":"user","content":"${index}"}]}'\n` +
              `    headers: {}\n    method: POST\n    uri: ${CHAT_URL}\n` +
              `  response:\n    body: {string: '{"id":"c${index}","choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}'}\n` +
              `    headers: {}\n    status: {code: 200, message: OK}\n`,
          );
        }
        parts.push("version: 1\n");
        return Buffer.from(parts.join(""));
      },
    },
    {
      path: "cassettes/scale/long-url.yaml",
      what: "interactions whose URL is 1 MB long: a chat call with a long query, a download with a long path",
      outcome: { ends: "opens", interactions: 2 },
      bytes: () => {
        const query = `?q=${"a".repeat(urlBytes - CHAT_URL.length - 3)}`;
        const download = "https://raw.githubusercontent.com/";
        const path = "a/".repeat((urlBytes - download.length) / 2);
        return Buffer.from(
          vcrpy([
            { uri: `${CHAT_URL}${query}` },
            {
              method: "GET",
              uri: `${download}${path}`,
              requestBody: " null",
              responseBody: "\n      string: plain text",
              responseHeaders: { "content-type": "text/plain" },
            },
          ]),
        );
      },
    },
  ];
}
