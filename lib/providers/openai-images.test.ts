import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { fixturesIn } from "./fixtures/load-fixture";
import { openaiImagesDecoder } from "./openai-images";
import { imageSize } from "./openai-images-size";

const { exchangeOf, fixtureObject } = fixturesIn("openai");

function resultOf(name: string) {
  const { response } = exchangeOf(name);
  if (response.type !== "result") throw new Error(`${name}: response is ${response.type}`);
  return response;
}

describe("openai-images", () => {
  it("says how many images came and what each is, without inlining base64", () => {
    const exchange = exchangeOf("http-images-b64.json");
    expect(exchange).toMatchObject({
      family: "openai-images",
      kind: "images",
      provider: "openai-compatible",
      providerDetail: "api.openai.com",
      model: "gpt-image-1-mini",
      responseType: null,
      notes: [],
    });
    expect(resultOf("http-images-b64.json")).toMatchObject({
      streaming: false,
      status: 200,
      text: '2 images:\n1. 3×2 PNG, 73 B (base64)\n2. 4×4 PNG, 73 B (base64); revised prompt: "A small red square"',
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "A red square" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ n: 2, size: "1024x1024" });
  });

  it("lists URL replies (Together) and keeps the body as the value", () => {
    const result = resultOf("http-images-url-together.json");
    expect(result.text).toBe("1 image:\n1. URL https://api.together.ai/shrt/fFbG3zT1MyXkcYlS");
    expect(result.value).toMatchObject({ object: "list", model: "black-forest-labs/FLUX.1-schnell" });
    expect(exchangeOf("http-images-url-together.json").providerDetail).toBe("api.together.xyz");
  });

  it("claims error replies of an edit, reading the input images of the request", () => {
    const exchange = exchangeOf("http-images-error.json");
    expect(exchange.family).toBe("openai-images");
    expect(exchange.request.endpoint).toBe("/v1/images/edits");
    expect(exchange.request.messages[0]?.parts.map((part) => part.type)).toEqual(["text", "image"]);
    expect(exchange.request.messages[0]?.parts[1]).toMatchObject({ type: "image", mediaType: "image/png" });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "image_generation_user_error",
        status: 400,
        message: "The model 'bad model' does not exist.",
        body: expect.anything(),
      },
    });
  });

  it("claims only image paths", () => {
    const envelope = envelopeSchema.parse(fixtureObject("http-images-url-together.json"));
    const elsewhere = {
      ...envelope,
      request: { ...envelope.request, url: "https://api.together.xyz/v1/files" },
    };
    expect(openaiImagesDecoder.claims(envelope)).toBe(true);
    expect(openaiImagesDecoder.claims(elsewhere)).toBe(false);
  });
});

describe("imageSize", () => {
  it("reads JPEG frames after metadata segments", () => {
    // SOI, an APP1 segment of 6 bytes, then SOF0 with height 480 and width 640.
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80,
      0x03,
    ]);
    expect(imageSize(jpeg)).toEqual({ format: "JPEG", width: 640, height: 480 });
  });

  it("reads GIF and WebP (VP8X) headers, and refuses other bytes", () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x10, 0x00, 0x20, 0x00]);
    expect(imageSize(gif)).toEqual({ format: "GIF", width: 16, height: 32 });
    const webp = new Uint8Array(30);
    webp.set([...new TextEncoder().encode("RIFF")], 0);
    webp.set([...new TextEncoder().encode("WEBPVP8X")], 8);
    webp.set([99, 0, 0, 49, 0, 0], 24); // width - 1 = 99, height - 1 = 49
    expect(imageSize(webp)).toEqual({ format: "WebP", width: 100, height: 50 });
    expect(imageSize(new TextEncoder().encode("not an image at all"))).toBeNull();
  });
});
