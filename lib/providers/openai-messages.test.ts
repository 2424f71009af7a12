import { describe, expect, it } from "vitest";
import { SchemaMismatch } from "./decoder";
import { dataUrlMediaType, openaiContentPart, openaiMessages, openaiTools } from "./openai-messages";
import { inputMessages, promptMessages } from "./openai-prompt";

describe("openaiMessages", () => {
  it("converts every role, string and part content, tool calls and tool results", () => {
    const messages = openaiMessages(
      [
        { role: "system", content: "Be terse." },
        { role: "developer", content: "" },
        {
          role: "user",
          content: [
            { type: "text", text: "Look:" },
            { type: "image_url", image_url: { url: "https://x.org/a.png" } },
          ],
        },
        {
          role: "assistant",
          content: null,
          reasoning_content: "Need a lookup.",
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q": "a"}' } },
          ],
        },
        { role: "tool", tool_call_id: "call_1", name: "lookup", content: "found" },
      ],
      "request.body.messages",
    );
    expect(messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "Be terse." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      { role: "developer", parts: [], name: null, toolCallId: null, toolCalls: [] },
      {
        role: "user",
        parts: [
          { type: "text", text: "Look:" },
          { type: "image", url: "https://x.org/a.png", mediaType: null },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [{ type: "other", label: "reasoning", value: "Need a lookup." }],
        name: null,
        toolCallId: null,
        toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"q": "a"}' }],
      },
      {
        role: "tool",
        parts: [{ type: "text", text: "found" }],
        name: "lookup",
        toolCallId: "call_1",
        toolCalls: [],
      },
    ]);
  });

  it("accepts the Ollama flavour: images, object arguments, tool_name", () => {
    const [user, assistant, tool] = openaiMessages(
      [
        { role: "user", content: "What is this?", images: ["iVBORw0KGgo="] },
        { role: "assistant", content: "", tool_calls: [{ function: { name: "f", arguments: { x: 1 } } }] },
        { role: "tool", tool_name: "f", content: "2" },
      ],
      "p",
    );
    expect(user?.parts).toEqual([
      { type: "text", text: "What is this?" },
      { type: "image", url: "iVBORw0KGgo=", mediaType: null },
    ]);
    expect(assistant?.toolCalls).toEqual([{ id: null, name: "f", arguments: '{"x":1}' }]);
    expect(tool?.name).toBe("f");
  });

  it("throws SchemaMismatch naming the path of a message with no role", () => {
    const read = () =>
      openaiMessages([{ role: "user", content: "a" }, { content: "b" }], "request.body.messages");
    expect(read).toThrow(SchemaMismatch);
    expect(read).toThrow(/^request\.body\.messages\[1\]\.role: /);
    expect(() => openaiMessages([{ role: "user", content: 5 }], "m")).toThrow(/^m\[0\]\.content: /);
  });
});

describe("content parts", () => {
  it("reads image URLs, data URLs and keeps other parts as recorded", () => {
    expect(dataUrlMediaType("data:image/jpeg;base64,/9j/")).toBe("image/jpeg");
    expect(dataUrlMediaType("https://x.org/a.jpg")).toBeNull();
    expect(
      openaiContentPart({
        type: "image_url",
        image_url: { url: "data:image/webp;base64,UklG", detail: "high" },
      }),
    ).toEqual({ type: "image", url: "data:image/webp;base64,UklG", mediaType: "image/webp" });
    expect(openaiContentPart({ type: "image_url", image_url: "https://x.org/b.png" })).toEqual({
      type: "image",
      url: "https://x.org/b.png",
      mediaType: null,
    });
    const audio = { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } };
    expect(openaiContentPart(audio)).toEqual({ type: "other", label: "input_audio", value: audio });
    const file = { type: "file", file: { file_id: "file-abc" } };
    expect(openaiContentPart(file)).toEqual({ type: "other", label: "file", value: file });
    expect(openaiContentPart(42)).toEqual({ type: "other", label: "part", value: 42 });
  });
});

describe("openaiTools", () => {
  it("reads function tools, flat tools and other tool types", () => {
    const search = { type: "web_search_preview" };
    expect(
      openaiTools(
        [
          {
            type: "function",
            function: { name: "add", description: "Adds", parameters: { type: "object" } },
          },
          { type: "function", name: "sub", parameters: { type: "object" } },
          search,
        ],
        "request.body.tools",
      ),
    ).toEqual([
      { name: "add", description: "Adds", parameters: { type: "object" } },
      { name: "sub", description: null, parameters: { type: "object" } },
      { name: "web_search_preview", description: null, parameters: search },
    ]);
    expect(() => openaiTools([{ type: "function", function: { description: "x" } }], "t")).toThrow(
      /^t\[0\]\.function\.name: /,
    );
  });
});

describe("prompts and inputs", () => {
  it("turns a completions prompt into one user message and embeddings inputs into one each", () => {
    expect(promptMessages("Hi")).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hi" }], name: null, toolCallId: null, toolCalls: [] },
    ]);
    expect(promptMessages(undefined)).toEqual([]);
    expect(promptMessages([1, 2, 3])[0]?.parts).toEqual([
      { type: "other", label: "tokens", value: [1, 2, 3] },
    ]);
    expect(inputMessages(["a", "b"]).map((m) => m.parts)).toEqual([
      [{ type: "text", text: "a" }],
      [{ type: "text", text: "b" }],
    ]);
    expect(inputMessages([[1, 2], [3]]).map((m) => m.parts)).toEqual([
      [{ type: "other", label: "tokens", value: [1, 2] }],
      [{ type: "other", label: "tokens", value: [3] }],
    ]);
  });
});
