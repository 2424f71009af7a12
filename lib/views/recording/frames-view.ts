import { z } from "zod";
import { frameSchema } from "@/lib/containers/frames-body";
import type { ResponseInfo } from "@/lib/model/exchange";

/** One row of a WebSocket log or gRPC samples: who sent it, its type, and a one-line preview. */
export interface FrameRow {
  index: number;
  direction: "sent" | "received";
  type: string;
  preview: string;
  data: unknown;
}

const PREVIEW = 160;
/** Long strings (base64 audio, images) are cut in previews; the data below keeps them whole. */
const LONG_STRING = 48;

function shortened(value: unknown): unknown {
  if (typeof value === "string")
    return value.length > LONG_STRING ? `${value.slice(0, LONG_STRING)}… (${value.length} chars)` : value;
  if (Array.isArray(value)) return value.map(shortened);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shortened(entry)]));
  }
  return value;
}

/** The frames of a `frames` exchange's result, or null when the value is not a list of frames. */
export function frameRows(response: ResponseInfo): FrameRow[] | null {
  if (response.type !== "result") return null;
  const parsed = z.array(frameSchema).safeParse(response.value);
  if (!parsed.success) return null;
  return parsed.data.map((frame, index) => {
    const text = JSON.stringify(shortened(frame.data)) ?? "";
    return {
      index,
      direction: frame.direction,
      type: frame.type,
      preview: text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text,
      data: frame.data,
    };
  });
}
