import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOW_FILE } from "@/lib/secrets/allow-list";
import { secretFingerprint } from "@/lib/secrets/finding";
import { FAKE } from "@/lib/secrets/testing/fake-credentials";
import { buildReview } from "./build-review";
import { chatRecording, makeRepo, type TestRepo } from "./fixtures/git-repo";
import { reviewMarkdown } from "./markdown";

const INF = "tests/integration/inference/recordings";
const T = "tests/integration/inference/test_chat.py::";

/** A chat recording whose request carried these headers (as a recorder without a filter keeps them). */
function withHeaders(testId: string, headers: Record<string, string>, prompt = "Hi?") {
  const recording = chatRecording({ testId: `${T}${testId}`, prompt, reply: "Hello." });
  return { ...recording, request: { ...(recording as { request: object }).request, headers } };
}

let repo: TestRepo;

beforeAll(async () => {
  repo = await makeRepo();
  await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha." }));
  await repo.write(`${INF}/b.json`, withHeaders("b", { authorization: `Bearer ${FAKE.anthropic}` }));
  await repo.write(`${INF}/c.json`, chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma." }));
  repo.commit("base");
  repo.git("tag", "base");
  // The pull request: a key in a.json's headers, b.json's key already there (not added by it),
  // a new file with a key, and c.json re-recorded with new ids only.
  await repo.write(`${INF}/a.json`, withHeaders("a", { authorization: `Bearer ${FAKE.openai}` }, "A?"));
  await repo.write(`${INF}/b.json`, withHeaders("b", { authorization: `Bearer ${FAKE.anthropic}` }, "B?"));
  await repo.write(`${INF}/d.json`, withHeaders("d", { "x-goog-api-key": FAKE.gemini }, "D?"));
  await repo.write(
    `${INF}/c.json`,
    chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma.", id: "rec-9", fingerprint: "fp_9" }),
  );
  repo.commit("pull request");
  repo.git("tag", "head");
}, 30_000);

afterAll(() => repo.cleanup());

describe("a pull request that adds a key", () => {
  it("is listed first with the verdict secret, the key shown by its preview only", async () => {
    const review = await buildReview({ repo: repo.dir, base: "base", head: "head" });
    expect(review.changes.map((change) => [change.path.slice(INF.length + 1), change.verdict])).toEqual([
      ["a.json", "secret"],
      ["d.json", "secret"],
      ["b.json", "request"],
      ["c.json", "noise"],
    ]);
    expect(review.summary.verdicts).toMatchObject({ secret: 2, request: 1, noise: 1, added: 0 });
    const [a, d] = review.changes;
    expect(a?.summary).toBe(
      "adds a credential: openai in $.request.headers authorization (sk-p…aZ); response: choices[0].content: Alpha. → Hello.",
    );
    expect(d?.secrets).toEqual([
      {
        interaction: null,
        location: "$.request.headers x-goog-api-key",
        rule: "credential-header",
        preview: "AIza…y4",
        fingerprint: secretFingerprint(FAKE.gemini),
      },
    ]);
    const markdown = reviewMarkdown(review);
    expect(markdown.split("\n").slice(3, 6)).toEqual([
      "> ⛔ **2 recordings add a credential.** Revoke it, filter it in the recorder and re-record before merging; it is shown masked.",
      `> - \`${INF}/a.json\` · $.request.headers authorization · openai \`sk-p…aZ\``,
      `> - \`${INF}/d.json\` · $.request.headers x-goog-api-key · credential-header \`AIza…y4\``,
    ]);
    const everything = JSON.stringify(review) + markdown;
    for (const value of [FAKE.openai, FAKE.anthropic, FAKE.gemini]) expect(everything).not.toContain(value);
  });

  it("does not count a key the allow-list names", async () => {
    await writeFile(join(repo.dir, ALLOW_FILE), `${secretFingerprint(FAKE.gemini)} a revoked demo key\n`);
    try {
      const review = await buildReview({ repo: repo.dir, base: "base", head: "head" });
      expect(review.changes.find((change) => change.path.endsWith("d.json"))?.verdict).toBe("added");
      expect(review.summary.verdicts.secret).toBe(1);
    } finally {
      await repo.remove(ALLOW_FILE);
    }
  });
});
