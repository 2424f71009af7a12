import { describe, expect, it } from "vitest";
import { headerMap } from "@/lib/containers/http-body";
import { MAX_JSON_DEPTH } from "@/lib/model/json-depth";
import { comparableBody } from "./comparable";

const typed = (type: string) => headerMap([{ name: "Content-Type", value: type }]);
const deep = `${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`;

describe("comparableBody", () => {
  it("lays out an NDJSON body as its lines' JSON, and keeps one as text when a line nests too deep to walk", () => {
    expect(comparableBody('{"a":1}\n{"b":2}\n', typed("application/x-ndjson"))).toEqual({
      $ndjson: [{ a: 1 }, { b: 2 }],
    });
    const body = `{"a":1}\n${deep}\n`;
    expect(comparableBody(body, typed("application/x-ndjson"))).toBe(body);
  });

  it("lays out an SSE body as its events, an event's data as JSON unless it nests too deep", () => {
    const body = `event: delta\ndata: {"text":"hi"}\n\ndata: ${deep}\n\ndata: [DONE]\n\n`;
    expect(comparableBody(body, typed("text/event-stream"))).toEqual({
      $sse: [{ event: "delta", data: { text: "hi" } }, { data: deep }, { data: "[DONE]" }],
    });
  });
});
