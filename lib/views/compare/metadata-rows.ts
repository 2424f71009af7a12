import type { Exchange } from "@/lib/model/exchange";
import { formatBytes, formatCount } from "@/lib/views/recording/format";

export interface MetadataSide {
  /** The source as given (`path` or `rev:path`). */
  source: string;
  text: string | null;
  exchange: Exchange;
}

export interface MetadataRow {
  label: string;
  a: string;
  b: string;
  differs: boolean;
}

function fileName(source: string): string {
  const path = source.slice(source.indexOf(":") + 1);
  return path.slice(path.lastIndexOf("/") + 1);
}

function revision(source: string): string {
  const colon = source.indexOf(":");
  return colon > 0 ? source.slice(0, colon) : "working tree";
}

function chunks(exchange: Exchange): string {
  const response = exchange.response;
  if (response.type !== "message" || !response.streaming) return "not streamed";
  return formatCount(response.chunks.length);
}

function answeringModel(exchange: Exchange): string {
  const response = exchange.response;
  return (response.type === "message" || response.type === "embeddings" ? response.model : null) ?? "—";
}

const FIELDS: readonly [string, (side: MetadataSide) => string][] = [
  ["File name", (side) => fileName(side.source)],
  ["Revision", (side) => revision(side.source)],
  ["Family", (side) => side.exchange.family],
  ["Kind", (side) => side.exchange.kind],
  [
    "Provider",
    (side) =>
      side.exchange.providerDetail
        ? `${side.exchange.provider} (${side.exchange.providerDetail})`
        : side.exchange.provider,
  ],
  ["Model", (side) => side.exchange.model ?? "—"],
  ["Answering model", (side) => answeringModel(side.exchange)],
  ["Test id", (side) => side.exchange.testId ?? "—"],
  ["Endpoint", (side) => side.exchange.request.endpoint ?? "—"],
  ["Response", (side) => side.exchange.response.type],
  ["Response type", (side) => side.exchange.responseType ?? "—"],
  ["Chunks", (side) => chunks(side.exchange)],
  ["Size", (side) => (side.text === null ? "—" : formatBytes(Buffer.byteLength(side.text)))],
];

/** The facts of each side, row by row, with the rows that differ marked. */
export function metadataRows(a: MetadataSide, b: MetadataSide): MetadataRow[] {
  return FIELDS.map(([label, read]) => {
    const x = read(a);
    const y = read(b);
    return { label, a: x, b: y, differs: x !== y };
  });
}
