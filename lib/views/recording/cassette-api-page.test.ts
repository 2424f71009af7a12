import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import type { RecordingFile } from "@/lib/model/recording-file";
import { decodeText } from "@/lib/recording/decode";
import { cassetteJson } from "@/lib/recording/exchange-json";
import { cassetteApiPage, parseApiAt } from "./cassette-api-page";

const PATH = "tests/cassettes/test_chat/test_many.yaml";

/** A vcrpy cassette of `count` chat calls, as PyYAML writes it; call N asks "ping N", answers "pong N". */
function cassette(count: number): RecordingFile {
  const calls = Array.from(
    { length: count },
    (_, index) =>
      `- request:\n` +
      `    body: '{"messages":[{"content":"ping ${index}","role":"user"}],"model":"gpt-4o-mini"}'\n` +
      `    headers:\n      content-type:\n      - application/json\n` +
      `    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n` +
      `  response:\n` +
      `    body:\n      string: '{"id":"chatcmpl-${index}","object":"chat.completion","model":"gpt-4o-mini",` +
      `"choices":[{"index":0,"message":{"role":"assistant","content":"pong ${index}"},"finish_reason":"stop"}]}'\n` +
      `    headers:\n      content-type:\n      - application/json\n` +
      `    status:\n      code: 200\n      message: OK\n`,
  );
  const decoded = decodeText(`interactions:\n${calls.join("")}version: 1\n`, PATH, DEFAULT_LIMITS);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.file;
}

const many = cassette(120);

function params(search: string): URLSearchParams {
  return new URLSearchParams(search);
}

describe("parseApiAt", () => {
  it("reads page 1 when nothing is asked, a page, or one interaction", () => {
    expect(parseApiAt(params(""))).toEqual({ ok: true, at: { page: 1 } });
    expect(parseApiAt(params("page=7"))).toEqual({ ok: true, at: { page: 7 } });
    expect(parseApiAt(params("interaction=0"))).toEqual({ ok: true, at: { interaction: 0 } });
    expect(parseApiAt(params("interaction=99999"))).toEqual({ ok: true, at: { interaction: 99999 } });
  });

  it("refuses what is not a page or an interaction, with a reason", () => {
    expect(parseApiAt(params("page=0"))).toEqual({
      ok: false,
      message: 'page: must be a whole number from 1 (got "0")',
    });
    expect(parseApiAt(params("page=-1"))).toEqual({
      ok: false,
      message: 'page: must be a whole number from 1 (got "-1")',
    });
    expect(parseApiAt(params("interaction=1.5"))).toEqual({
      ok: false,
      message: 'interaction: must be a whole number from 0 (got "1.5")',
    });
    expect(parseApiAt(params("page=1&interaction=2"))).toEqual({
      ok: false,
      message: "give page or interaction, not both",
    });
    expect(parseApiAt(params("pageSize=1000"))).toEqual({
      ok: false,
      message: "unknown parameter pageSize: use page or interaction",
    });
  });
});

describe("cassetteApiPage", () => {
  it("serves a small cassette whole, as before, with its paging", () => {
    const file = cassette(3);
    const page = cassetteApiPage(file, PATH, { page: 1 });
    const { interactions, ...head } = cassetteJson(file);
    expect(page).toEqual({
      ...head,
      interactions,
      paging: { total: 3, per_page: 50, page: 1, pages: 1, interaction: null, prev: null, next: null },
    });
    expect(page?.interactions.map((item) => item.message?.content)).toEqual(["pong 0", "pong 1", "pong 2"]);
  });

  it("serves a long cassette 50 interactions a page, with links to the pages around", () => {
    const first = cassetteApiPage(many, PATH, { page: 1 });
    expect(first?.interactions.map((item) => item.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(first?.paging).toEqual({
      total: 120,
      per_page: 50,
      page: 1,
      pages: 3,
      interaction: null,
      prev: null,
      next: "/api/recordings/tests/cassettes/test_chat/test_many.yaml?page=2",
    });
    const second = cassetteApiPage(many, PATH, { page: 2 });
    expect(second?.interactions[0]?.index).toBe(50);
    expect(second?.interactions[49]?.message?.content).toBe("pong 99");
    expect(second?.paging.prev).toBe("/api/recordings/tests/cassettes/test_chat/test_many.yaml");
    expect(second?.paging.next).toBe("/api/recordings/tests/cassettes/test_chat/test_many.yaml?page=3");
    const last = cassetteApiPage(many, PATH, { page: 3 });
    expect(last?.interactions.map((item) => item.index)).toEqual(
      Array.from({ length: 20 }, (_, i) => 100 + i),
    );
    expect(last?.paging.next).toBeNull();
  });

  it("clamps a page past the end to the last, as the cassette's page does", () => {
    const page = cassetteApiPage(many, PATH, { page: 999 });
    expect(page?.paging.page).toBe(3);
    expect(page?.interactions[0]?.index).toBe(100);
  });

  it("serves one interaction, with the page that holds it and links to its neighbours", () => {
    const one = cassetteApiPage(many, PATH, { interaction: 57 }, "/tools/tapedeck");
    expect(one?.interactions.map((item) => [item.index, item.message?.content])).toEqual([[57, "pong 57"]]);
    expect(one?.paging).toEqual({
      total: 120,
      per_page: 50,
      page: 2,
      pages: 3,
      interaction: 57,
      prev: "/tools/tapedeck/api/recordings/tests/cassettes/test_chat/test_many.yaml?interaction=56",
      next: "/tools/tapedeck/api/recordings/tests/cassettes/test_chat/test_many.yaml?interaction=58",
    });
    expect(cassetteApiPage(many, PATH, { interaction: 0 })?.paging.prev).toBeNull();
    expect(cassetteApiPage(many, PATH, { interaction: 119 })?.paging.next).toBeNull();
  });

  it("is null for an interaction the file does not have", () => {
    expect(cassetteApiPage(many, PATH, { interaction: 120 })).toBeNull();
  });
});
