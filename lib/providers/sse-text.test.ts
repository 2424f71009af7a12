import { describe, expect, it } from "vitest";
import { SchemaMismatch } from "./decoder";
import {
  forgetParsedStreams,
  keepParsedStreams,
  looksLikeSseText,
  sseDataJson,
  sseEventData,
  sseEventJson,
  sseTextEventNames,
  sseTextEvents,
} from "./sse-text";

describe("sseTextEvents", () => {
  it("splits named events, joins multi-line data and keeps ids", () => {
    const text =
      'event: response.created\ndata: {"type":"response.created"}\n\n' +
      "id: 7\ndata: line one\ndata: line two\n\n" +
      ": keep-alive comment\n\n" +
      "data: [DONE]\n\n";
    expect(sseTextEvents(text)).toEqual([
      { event: "response.created", data: '{"type":"response.created"}', id: null },
      { event: null, data: "line one\nline two", id: "7" },
      { event: null, data: "[DONE]", id: null },
    ]);
  });

  it("reads CRLF line ends and a last event with no closing blank line", () => {
    expect(sseTextEvents('data: {"a":1}\r\n\r\nevent: done\r\ndata: {"b":2}')).toEqual([
      { event: null, data: '{"a":1}', id: null },
      { event: "done", data: '{"b":2}', id: null },
    ]);
  });

  it("drops events that carry no data line", () => {
    expect(sseTextEvents("event: ping\n\ndata: x\n\n")).toEqual([{ event: null, data: "x", id: null }]);
  });

  it("names the distinct events in order", () => {
    const events = sseTextEvents(
      "event: a\ndata: 1\n\nevent: b\ndata: 2\n\nevent: a\ndata: 3\n\ndata: 4\n\n",
    );
    expect(sseTextEventNames(events)).toEqual(["a", "b"]);
  });
});

describe("looksLikeSseText", () => {
  it("accepts data-first, event-first and comment-first texts", () => {
    expect(looksLikeSseText('data: {"x":1}\n\n')).toBe(true);
    expect(looksLikeSseText("event: message_start\ndata: {}\n\n")).toBe(true);
    expect(looksLikeSseText(": OPENROUTER PROCESSING\n\ndata: {}\n\n")).toBe(true);
    expect(looksLikeSseText("\n\ndata: {}\n\n")).toBe(true);
  });

  it("refuses JSON, plain text, SSE without data and non-strings", () => {
    expect(looksLikeSseText('{"data": 1}')).toBe(false);
    expect(looksLikeSseText("Internal Server Error")).toBe(false);
    expect(looksLikeSseText("event: ping\n\n")).toBe(false);
    expect(looksLikeSseText(["data: {}"])).toBe(false);
    expect(looksLikeSseText("")).toBe(false);
  });
});

describe("sseDataJson", () => {
  it("parses JSON data and names the event on bad JSON", () => {
    expect(sseDataJson('{"a":[1]}', "response.body (event 0)")).toEqual({ a: [1] });
    expect(() => sseDataJson("{oops", "response.body (event 2)")).toThrow(SchemaMismatch);
    expect(() => sseDataJson("{oops", "response.body (event 2)")).toThrow(/^response\.body \(event 2\): /);
  });
});

describe("sseTextEvents with a maximum", () => {
  it("stops after the first events, even in a long text", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `data: {"n":${i}}\n\n`).join("");
    expect(sseTextEvents(text, 2)).toEqual([
      { event: null, data: '{"n":0}', id: null },
      { event: null, data: '{"n":1}', id: null },
    ]);
    expect(sseTextEvents(text)).toHaveLength(5000);
  });
});

describe("keepParsedStreams", () => {
  const text = 'data: {"n":1}\n\ndata: [DONE]\n\n';

  it("parses a text once while kept: the same events, and each event's JSON, for every reader", () => {
    const release = keepParsedStreams();
    try {
      const first = sseTextEvents(text);
      const again = sseTextEvents(text);
      expect(again).toBe(first);
      const [event] = first;
      if (!event) throw new Error("no event");
      const value = sseEventData(event, "response.body (event 0)");
      expect(value).toEqual({ n: 1 });
      expect(sseEventData(event, "response.body (event 0)")).toBe(value);
      // A look at the first events is not kept: it holds only part of the text.
      expect(sseTextEvents(text, 1)).not.toBe(first);
      forgetParsedStreams();
      expect(sseTextEvents(text)).not.toBe(first);
    } finally {
      release();
    }
  });

  it("keeps nothing once every keeper has released, and a second release does nothing", () => {
    const outer = keepParsedStreams();
    const inner = keepParsedStreams();
    inner();
    inner();
    const kept = sseTextEvents(text);
    expect(sseTextEvents(text)).toBe(kept);
    outer();
    expect(sseTextEvents(text)).not.toBe(kept);
    expect(sseTextEvents(text)).not.toBe(sseTextEvents(text));
  });

  it("remembers why an event's data is not JSON, and names the event when asked for it", () => {
    const [event] = sseTextEvents("data: {oops\n\n");
    if (!event) throw new Error("no event");
    const parsed = sseEventJson(event);
    expect(parsed.ok).toBe(false);
    expect(sseEventJson(event)).toBe(parsed);
    expect(() => sseEventData(event, "response.body (event 4)")).toThrow(/^response\.body \(event 4\): /);
  });
});
