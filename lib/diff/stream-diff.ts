import type { Chunk, ChunkDelta, ResponseInfo } from "@/lib/model/exchange";

export interface StreamDiff {
  /** Chunk counts on each side (0 for a response that was not streamed). */
  before_chunks: number;
  after_chunks: number;
  /** Both sides streamed the same message, cut into different chunks. */
  rechunked: boolean;
  /** The first chunk index where what the two streams add differs; null when they never differ. */
  first_divergence: number | null;
}

function deltaKey(delta: ChunkDelta): string {
  switch (delta.type) {
    case "text":
    case "reasoning":
      return `${delta.type}:${delta.choice}:${delta.text}`;
    case "tool-call":
      return `tool:${delta.choice}:${delta.toolIndex}:${delta.name ?? ""}:${delta.arguments}`;
    case "finish":
      return `finish:${delta.choice}:${delta.reason}`;
    case "role":
      return `role:${delta.choice}:${delta.role}`;
    case "usage":
      return `usage:${delta.usage.inputTokens}:${delta.usage.outputTokens}`;
    case "logprobs":
      return `logprobs:${delta.choice}:${delta.count}`;
    case "event":
      return `event:${delta.label}`;
  }
}

function chunkKey(chunk: Chunk): string {
  return chunk.deltas.map(deltaKey).join("\u0000");
}

/** Compares two streams chunk by chunk; `sameMessage` says whether their reassembled messages agree. */
export function streamDiff(a: ResponseInfo, b: ResponseInfo, sameMessage: boolean): StreamDiff {
  const chunksA = a.type === "message" ? a.chunks : [];
  const chunksB = b.type === "message" ? b.chunks : [];
  let first: number | null = null;
  for (let i = 0; i < Math.max(chunksA.length, chunksB.length); i++) {
    const x = chunksA[i];
    const y = chunksB[i];
    if (!x || !y || chunkKey(x) !== chunkKey(y)) {
      first = i;
      break;
    }
  }
  const bothStreamed = chunksA.length > 0 && chunksB.length > 0;
  return {
    before_chunks: chunksA.length,
    after_chunks: chunksB.length,
    rechunked: bothStreamed && sameMessage && first !== null,
    first_divergence: first,
  };
}
