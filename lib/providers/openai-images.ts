import { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import type { ContentPart, Exchange, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { errorResponse, httpCall, isErrorReply } from "./openai-http";
import { imageSize } from "./openai-images-size";
import { imagePart } from "./openai-messages";
import { userMessage } from "./openai-prompt";
import { openaiRequest, type Conversation } from "./openai-request";

/**
 * OpenAI image generation and editing (`…/images/generations`, `…/images/edits`,
 * `…/images/variations`), as OpenAI, xAI and Together serve it: `{created, data: [{b64_json | url,
 * revised_prompt}]}`. The reply is a result whose text says how many images came and what each
 * is (pixel size and format read from the bytes, byte size); the base64 stays in the raw value.
 */

const imageSchema = z.looseObject({
  b64_json: z.string().nullish(),
  url: z.string().nullish(),
  revised_prompt: z.string().nullish(),
});

const imagesResponseSchema = z.looseObject({
  data: z.array(imageSchema),
  /** gpt-image replies say the requested size and format once for all images. */
  size: z.string().nullish(),
  output_format: z.string().nullish(),
  model: z.string().nullish(),
});

type ImagesResponse = z.infer<typeof imagesResponseSchema>;

function isImageList(body: unknown): boolean {
  if (!isRecord(body) || !Array.isArray(body.data)) return false;
  const first: unknown = body.data[0];
  return isRecord(first) && (typeof first.b64_json === "string" || typeof first.url === "string");
}

function claims(envelope: Envelope): boolean {
  const call = httpCall(envelope);
  if (call === null || call.endpoint !== "images") return false;
  return isErrorReply(call, "images") || isImageList(envelope.response.body);
}

function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One image: `1024×1024 PNG, 1.2 MB (base64)` or `URL https://...`, and its revised prompt. */
function describeImage(image: z.infer<typeof imageSchema>, response: ImagesResponse): string {
  const revised = image.revised_prompt ? `; revised prompt: ${JSON.stringify(image.revised_prompt)}` : "";
  if (image.b64_json) {
    const bytes = Buffer.from(image.b64_json, "base64");
    const size = imageSize(bytes);
    const pixels = size
      ? `${size.width}×${size.height} ${size.format}`
      : [response.size, response.output_format?.toUpperCase()].filter(Boolean).join(" ") || "image";
    return `${pixels}, ${byteSize(bytes.length)} (base64)${revised}`;
  }
  return `URL ${image.url ?? ""}${revised}`;
}

/** `2 images:` and one line per image. */
export function imagesText(response: ImagesResponse): string {
  const count = response.data.length;
  const head = `${count} image${count === 1 ? "" : "s"}`;
  if (count === 0) return head;
  const lines = response.data.map((image, i) => `${i + 1}. ${describeImage(image, response)}`);
  return `${head}:\n${lines.join("\n")}`;
}

/** An input image of an edit: a URL or data URL string, `{image_url}`, `{url}`, or a file id. */
function inputImage(value: unknown): ContentPart {
  if (typeof value === "string") return imagePart(value);
  if (isRecord(value)) {
    const url = isRecord(value.image_url) ? value.image_url.url : (value.image_url ?? value.url);
    if (typeof url === "string") return imagePart(url);
  }
  return { type: "other", label: "image", value };
}

/** The prompt and the input images (edits) as one user turn; multipart bodies are not read. */
function imagesConversation(body: Record<string, unknown>): Conversation {
  const parts: ContentPart[] = [];
  if (typeof body.prompt === "string") parts.push({ type: "text", text: body.prompt });
  for (const key of ["image", "images", "mask"] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    const images = Array.isArray(value) ? value : [value];
    parts.push(
      ...images.map(
        key === "mask"
          ? (mask: unknown) => ({ type: "other" as const, label: "mask", value: mask })
          : inputImage,
      ),
    );
  }
  return { messages: parts.length === 0 ? [] : [userMessage(parts)], tools: [] };
}

function decodeResponse(envelope: Envelope): { response: ResponseInfo; model: string | null } {
  if (isErrorReply(httpCall(envelope), "images")) return { response: errorResponse(envelope), model: null };
  const body = envelope.response.body;
  const parsed = parseAt(imagesResponseSchema, body, "response.body");
  const status = envelope.response.status ?? null;
  return {
    response: { type: "result", streaming: false, status, text: imagesText(parsed), value: body },
    model: parsed.model ?? null,
  };
}

function decode(envelope: Envelope): Exchange {
  const req = openaiRequest(envelope, imagesConversation, ["prompt", "image", "images", "mask"]);
  const notes: string[] = [];
  const sent = req.request.body;
  if (typeof sent === "string" || (isRecord(sent) && "$binary" in sent)) {
    notes.push("The request body is not JSON (a multipart upload?); its prompt and images are not read.");
  }
  const { response, model } = decodeResponse(envelope);
  return {
    family: "openai-images",
    kind: "images",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? model,
    testId: req.testId,
    responseType: null,
    request: req.request,
    response,
    notes,
  };
}

export const openaiImagesDecoder: Decoder = {
  family: "openai-images",
  claims,
  decode,
};
