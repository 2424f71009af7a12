import { chatRecording } from "./roots";

/** What a payload that ran would set; the tests assert it stays undefined. */
export const PWNED = "__tapedeckPwned";

/** A reply and a question carrying every kind of markup that would run if it were not escaped. */
export const HOSTILE_REPLY = [
  `Here is a script: <script>window.${PWNED} = "script"; alert("script")</script>`,
  "",
  `An image: <img src=x onerror="window.${PWNED} = 'img'; alert('img')">`,
  "",
  `A [harmless-looking link](javascript:window.${PWNED}='link';alert('link')) and an ` +
    `![image](javascript:window.${PWNED}='md-img') and a [data link](data:text/html,<script>alert(1)</script>).`,
  "",
  `<iframe src="javascript:alert('frame')"></iframe><svg onload="window.${PWNED}='svg'"></svg>`,
  "",
  "```html",
  `<script>window.${PWNED} = "fenced"</script>`,
  "```",
].join("\n");

export const HOSTILE_QUESTION = `<img src=x onerror="window.${PWNED}='question'"><script>window.${PWNED}='q'</script>`;

/** Recordings whose content, test id, model and file name are hostile. */
export function hostileFiles(): Record<string, string> {
  return {
    "hostile/recordings/reply.json": chatRecording(HOSTILE_REPLY, {
      question: HOSTILE_QUESTION,
      testId: `tests/integration/x/test_x.py::test_<script>window.${PWNED}='id'</script>[txt=<img src=x onerror=alert(1)>]`,
      model: `<img src=x onerror="window.${PWNED}='model'">`,
    }),
    [`hostile/recordings/"><img src=x onerror=alert(1)>.json`]: chatRecording("A file whose name is markup."),
  };
}

/** 100,000 nested arrays inside an otherwise ordinary recording. */
export function deeplyNested(levels = 100_000): string {
  return `{"request": {"body": ${"[".repeat(levels)}${"]".repeat(levels)}}, "response": {"body": {}}}`;
}

/** Bytes that are not UTF-8 (a Latin-1 `é` and a lone continuation byte) in JSON. */
export function invalidUtf8(): Buffer {
  return Buffer.concat([
    Buffer.from('{"request": {"body": "caf'),
    Buffer.from([0xe9, 0x80]),
    Buffer.from('"}}'),
  ]);
}

/** A valid recording padded past `megabytes`. */
export function oversized(megabytes: number): string {
  return chatRecording("x".repeat(Math.ceil(megabytes * 1024 * 1024) + 1024));
}
