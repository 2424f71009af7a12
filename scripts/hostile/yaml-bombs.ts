import type { HostileFile } from "./hostile-files";
import { chatCompletion, chatRequest, MB, quoted, text, vcrpy, vcrpyParsedBody } from "./cassette-writers";

/**
 * YAML bombs: alias and merge-key expansion, deep nesting, a huge scalar, a stream of thousands
 * of documents, tags that ask for code or objects, invalid UTF-8.
 */
export function yamlBombs(full: boolean): HostileFile[] {
  const scalarMb = full ? 50 : 5;

  return [
    {
      path: "cassettes/yaml/alias-billion-laughs.yaml",
      what: "81 aliases in 10 levels that expand to 3 billion strings",
      outcome: { ends: "failed", reason: /aliases expand .* past the 100\.0 MB limit/ },
      bytes: () => {
        let lines = `      lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
        for (let level = 1; level <= 9; level++) {
          lines += `      lol${level}: &a${level} [${Array(9)
            .fill(`*a${level - 1}`)
            .join(", ")}]\n`;
        }
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/alias-count.yaml",
      what: "5,000 aliases of one string (over the alias budget)",
      outcome: { ends: "failed", reason: /uses 5000 aliases, more than allowed \(1000\)/ },
      bytes: () =>
        Buffer.from(
          vcrpyParsedBody(
            `      model: &m gpt-4o-mini\n      stop: [${Array(5000).fill("*m").join(", ")}]\n`,
          ),
        ),
    },
    {
      path: "cassettes/yaml/merge-keys-bomb.yaml",
      what: "merge keys (`<<: *prev`) that copy a growing mapping level after level",
      outcome: { ends: "failed", reason: /merge keys \(<<\) copy more than 10000 keys/ },
      bytes: () => {
        const keys = Array.from({ length: 100 }, (_, i) => `k${i}: lol`).join(", ");
        let lines = `      m0: &m0 {${keys}}\n`;
        for (let level = 1; level <= 150; level++) {
          lines += `      m${level}: &m${level} {<<: *m${level - 1}, n${level}: *m${level - 1}}\n`;
        }
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/alias-cycle.yaml",
      what: "an anchored mapping that holds an alias of itself",
      outcome: { ends: "failed", reason: /refers to itself/ },
      bytes: text(vcrpyParsedBody(`      messages: &self\n      - role: user\n        content: *self\n`)),
    },
    {
      path: "cassettes/yaml/alias-deep.yaml",
      what: "aliases that nest 200-level lists inside each other (each literal within the depth limit)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep through its aliases/ },
      bytes: () => {
        const wrap = (inner: string) => `${"[".repeat(200)}${inner}${"]".repeat(200)}`;
        let lines = `      l0: &l0 ${wrap("lol")}\n`;
        for (let level = 1; level <= 20; level++)
          lines += `      l${level}: &l${level} ${wrap(`*l${level - 1}`)}\n`;
        return Buffer.from(vcrpyParsedBody(lines));
      },
    },
    {
      path: "cassettes/yaml/deep-flow-sequences.yaml",
      what: "100,000 levels of `[`",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`)),
    },
    {
      path: "cassettes/yaml/deep-flow-mappings.yaml",
      what: "100,000 levels of `{a: `",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages: ${"{a: ".repeat(100_000)}1${"}".repeat(100_000)}\n`)),
    },
    {
      path: "cassettes/yaml/deep-block-sequences.yaml",
      what: "100,000 levels of block sequences (`- - - ...`)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: text(vcrpyParsedBody(`      messages:\n      ${"- ".repeat(100_000)}lol\n`)),
    },
    {
      path: "cassettes/yaml/deep-indented-mappings.yaml",
      what: "5,000 levels of indented mappings (100,000 would need 5 GB of indentation)",
      outcome: { ends: "failed", reason: /nests more than 256 levels deep \(line \d+\)/ },
      bytes: () => {
        const parts: string[] = [];
        for (let level = 0; level < 5000; level++) parts.push(`${" ".repeat(6 + level)}a:\n`);
        parts.push(`${" ".repeat(6 + 5000)}lol\n`);
        return Buffer.from(vcrpyParsedBody(parts.join("")));
      },
    },
    {
      path: "cassettes/yaml/scalar-50mb.yaml",
      what: `a ${scalarMb} MB scalar (a response body)`,
      outcome: full
        ? { ends: "failed", reason: /over the 50\.0 MB limit; it is listed but not parsed/ }
        : { ends: "opens", interactions: 1 },
      bytes: () => {
        const line = `{"id":"chatcmpl-0","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"${"a".repeat(scalarMb * MB)}"},"finish_reason":"stop"}]}`;
        return Buffer.from(vcrpy([{ responseBody: `\n      string: ${quoted(line)}` }]));
      },
    },
    {
      path: "cassettes/yaml/document-stream.yaml",
      what: "5,000 `---` documents, each a cassette",
      outcome: { ends: "failed", reason: /holds 5000 documents; a cassette is one/ },
      bytes: () => {
        const one = vcrpy([{}]);
        return Buffer.from(Array.from({ length: 5000 }, () => `---\n${one}`).join(""));
      },
    },
    {
      path: "cassettes/yaml/tag-python-object-apply.yaml",
      what: "`!!python/object/apply:os.system` (would run a shell command in PyYAML's unsafe loader)",
      outcome: {
        ends: "failed",
        reason:
          /uses the tag !!python\/object\/apply:os\.system \(line 3\), which Tapedeck does not construct/,
      },
      bytes: text(
        vcrpy([{ requestBody: ` !!python/object/apply:os.system ['touch /tmp/tapedeck-hostile-pwned']` }]),
      ),
    },
    {
      path: "cassettes/yaml/tag-ruby-object.yml",
      what: "Ruby VCR cassette with `!ruby/object:Net::HTTPOK` (would build an object in Psych's unsafe load)",
      outcome: {
        ends: "failed",
        reason: /uses the tag !ruby\/object:Net::HTTPOK \(line 12\), which Tapedeck does not construct/,
      },
      bytes: text(
        "---\nhttp_interactions:\n- request:\n    method: post\n    uri: https://api.openai.com/v1/chat/completions\n" +
          `    body:\n      encoding: UTF-8\n      string: ${quoted(chatRequest("ping"))}\n    headers:\n      Content-Type:\n      - application/json\n` +
          "  response: !ruby/object:Net::HTTPOK\n    status:\n      code: 200\n      message: OK\n    headers: {}\n" +
          `    body:\n      encoding: UTF-8\n      string: ${quoted(chatCompletion("chatcmpl-0", "pong"))}\n` +
          "  recorded_at: Fri, 02 Jan 2026 00:17:01 GMT\nrecorded_with: VCR 6.3.1\n",
      ),
    },
    {
      path: "cassettes/yaml/tag-js-function.yaml",
      what: "`!!js/function` (js-yaml 3's unsafe schema compiled it)",
      outcome: {
        ends: "failed",
        reason: /uses the tag !!js\/function \(line 3\), which Tapedeck does not construct/,
      },
      bytes: text(
        vcrpy([{ requestBody: ` !!js/function 'function () { globalThis.tapedeckPwned = true }'` }]),
      ),
    },
    {
      path: "cassettes/yaml/invalid-utf8.yaml",
      what: "Latin-1 bytes and a lone continuation byte in a body",
      outcome: { ends: "failed", reason: /not valid UTF-8: byte 0xe9 at line 3, column 15/ },
      bytes: () => {
        const [head = "", tail = ""] = vcrpy([{ requestBody: ` 'caf@@ au lait'` }]).split("@@");
        return Buffer.concat([Buffer.from(head), Buffer.from([0xe9, 0x80]), Buffer.from(tail)]);
      },
    },
  ];
}
