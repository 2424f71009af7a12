import type { ContentPart } from "@/lib/model/exchange";

/** Base64 openings of the image formats Ollama vision models take, by media type. */
const BASE64_MAGIC: readonly [string, string][] = [
  ["iVBORw0KGgo", "image/png"],
  ["/9j/", "image/jpeg"],
  ["R0lGOD", "image/gif"],
  ["UklGR", "image/webp"],
];

/** Guesses the media type of bare base64 image data from its first bytes, or null. */
export function guessBase64MediaType(data: string): string | null {
  for (const [magic, mediaType] of BASE64_MAGIC) if (data.startsWith(magic)) return mediaType;
  return null;
}

/**
 * An Ollama `images` entry as a content part: bare base64 becomes a data URL with a guessed
 * media type; data URLs and http(s) URLs are kept; anything that is not a string is kept as is.
 */
export function ollamaImagePart(image: unknown): ContentPart {
  if (typeof image !== "string") return { type: "other", label: "image", value: image };
  if (image.startsWith("data:")) {
    const end = image.indexOf(";");
    return { type: "image", url: image, mediaType: end > 5 ? image.slice(5, end) : null };
  }
  if (image.startsWith("http://") || image.startsWith("https://")) {
    return { type: "image", url: image, mediaType: null };
  }
  const mediaType = guessBase64MediaType(image);
  return {
    type: "image",
    url: `data:${mediaType ?? "application/octet-stream"};base64,${image}`,
    mediaType,
  };
}
