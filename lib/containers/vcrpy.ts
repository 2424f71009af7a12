import { z } from "zod";
import type { ReadLimits } from "@/lib/model/limits";
import { ContainerError, type Container, type ContainerCall, type OpenedContainer } from "./container";
import { DecodeBudget } from "./http-body";
import { pytestTestId } from "./pytest-test-id";
import { grpcCall, isGrpcItem, isWebSocketItem, webSocketCall } from "./vcrpy-frames";
import { httpCall, parseCassettePart, vcrRequestSchema, vcrResponseSchema } from "./vcrpy-http";
import { loadYaml } from "./yaml";

/**
 * vcrpy's YAML cassettes (pytest-recording): `interactions:` of `{request, response}`, and
 * `version: 1`, which vcrpy writes last, so nothing here depends on it. pydantic-ai keeps its
 * WebSocket logs and xAI gRPC samples in the same shell; they open as frames (`vcrpy-frames.ts`).
 */

const cassetteSchema = z.looseObject({ interactions: z.array(z.unknown()).nullable() });

const interactionSchema = z.looseObject({ request: vcrRequestSchema, response: vcrResponseSchema });

/** True when the head has a top-level `interactions:` and is not go-vcr's (`version: 2`, items with `id`). */
function sniff(head: string): boolean {
  if (!/^interactions:/m.test(head)) return false;
  if (/^version:\s*2\s*$/m.test(head)) return false;
  return !/^interactions:\s*\n\s*- id:/m.test(head);
}

function open(text: string, relPath: string, limits: ReadLimits): OpenedContainer {
  const document = loadYaml(text, limits);
  if (typeof document !== "object" || document === null || !("interactions" in document)) {
    throw new ContainerError("not a vcrpy cassette: the YAML has no top-level `interactions` list");
  }
  const items = parseCassettePart(cassetteSchema, document, "").interactions ?? [];
  const test = pytestTestId(relPath);
  const calls: ContainerCall[] = [];
  const budget = new DecodeBudget(limits);
  const webSocket: { items: object[]; indexes: number[]; at: number } = { items: [], indexes: [], at: -1 };
  let grpc = 0;
  items.forEach((item, index) => {
    const path = `interactions[${index}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new ContainerError(`${path}: expected a mapping, found ${item === null ? "null" : typeof item}`);
    }
    if ("request" in item || "response" in item) {
      const { request, response } = parseCassettePart(interactionSchema, item, path);
      calls.push(httpCall(request, response, item, test, budget));
    } else if (isWebSocketItem(item)) {
      // A WebSocket log is one conversation: all its messages open as one call.
      if (webSocket.at === -1) webSocket.at = calls.length;
      webSocket.items.push(item);
      webSocket.indexes.push(index);
    } else if (isGrpcItem(item)) {
      calls.push(grpcCall(item, index, test));
      grpc++;
    } else {
      const keys = Object.keys(item).join(", ") || "no keys";
      throw new ContainerError(
        `${path}: not an HTTP interaction, WebSocket message or gRPC sample (${keys})`,
      );
    }
  });
  const notes: string[] = [];
  if (items.length === 0) notes.push("the cassette records no interactions (`interactions: []`)");
  if (webSocket.at !== -1) {
    calls.splice(webSocket.at, 0, webSocketCall(webSocket.items, webSocket.indexes, test));
    notes.push(`a WebSocket message log: its ${webSocket.items.length} messages open as one call`);
  }
  if (grpc > 0) {
    notes.push(
      `gRPC samples (${grpc}): the messages are shown as recorded in JSON; the protobuf bytes only in the raw view`,
    );
  }
  return { format: "vcrpy", test, calls, notes };
}

export const vcrpyContainer: Container = { format: "vcrpy", sniff, open };
