import type { HostileFile } from "./hostile-files";
import { CHAT_URL, pollyHar, text } from "./cassette-writers";

/** HAR files whose text is not what it says: bytes that are not UTF-8, base64 that is not base64. */
export function harEncodingFiles(): HostileFile[] {
  return [
    {
      path: "cassettes/har/invalid-utf8.har",
      what: "a HAR whose `content.text` holds bytes that are not UTF-8",
      outcome: { ends: "failed", reason: /not valid UTF-8: byte 0xff at line \d+/ },
      bytes: () => {
        const har = pollyHar([
          { url: CHAT_URL, content: { mimeType: "application/json", size: 11, text: "caf@@ noir" } },
        ]);
        const [head = "", tail = ""] = har.split("@@");
        return Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]);
      },
    },
    {
      path: "cassettes/har/bad-base64.har",
      what: "a HAR body marked `encoding: base64` that is not base64",
      outcome: { ends: "problem", interaction: 0, interactions: 1, reason: /the base64 body is not base64/ },
      bytes: text(
        pollyHar([
          {
            url: CHAT_URL,
            content: {
              encoding: "base64",
              mimeType: "application/json",
              size: 40,
              text: 'this is not base64! {"choices": []}',
            },
          },
        ]),
      ),
    },
  ];
}
