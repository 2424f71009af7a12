import { describe, expect, it } from "vitest";
import { envelopeSchema } from "./envelope";
import { isEnvelope } from "./envelope-guard";

/** Shapes on either side of each rule of `envelopeSchema`. */
const CASES: [string, unknown, boolean][] = [
  ["a minimal recording", { request: {}, response: { body: null } }, true],
  [
    "a full recording",
    {
      test_id: "tests/test_x.py::test_y",
      origin: "sdk",
      request: { method: "POST", url: "http://localhost:11434/v1/chat/completions", body: {} },
      response: {
        body: { __type__: "x", __data__: {} },
        is_streaming: false,
        status: 200,
        headers: { "content-type": ["application/json"] },
      },
      id_normalization_mapping: { a: "b" },
    },
    true,
  ],
  ["not an object", [], false],
  ["null", null, false],
  ["no request", { response: { body: null } }, false],
  ["a list as request", { request: [], response: { body: null } }, false],
  ["a date as request", { request: new Date(0), response: { body: null } }, false],
  ["a response without body", { request: {}, response: {} }, false],
  ["a list as response", { request: {}, response: [] }, false],
  ["an unknown origin", { origin: "ftp", request: {}, response: { body: 1 } }, false],
  ["a null origin", { origin: null, request: {}, response: { body: 1 } }, false],
  ["a numeric test id", { test_id: 3, request: {}, response: { body: 1 } }, false],
  ["a null test id", { test_id: null, request: {}, response: { body: 1 } }, true],
  ["a fractional status", { request: {}, response: { body: 1, status: 200.5 } }, false],
  ["an unsafe integer status", { request: {}, response: { body: 1, status: 2 ** 60 } }, false],
  ["a null status", { request: {}, response: { body: 1, status: null } }, true],
  ["a string status", { request: {}, response: { body: 1, status: "200" } }, false],
  ["a header given as a string", { request: {}, response: { body: 1, headers: { a: "x" } } }, false],
  ["a header of numbers", { request: {}, response: { body: 1, headers: { a: [1] } } }, false],
  ["null headers", { request: {}, response: { body: 1, headers: null } }, false],
  ["a null is_streaming", { request: {}, response: { body: 1, is_streaming: null } }, false],
  ["a numeric is_exception", { request: {}, response: { body: 1, is_exception: 1 } }, false],
  ["a null exception message", { request: {}, response: { body: 1, exception_message: null } }, true],
  ["a numeric exception message", { request: {}, response: { body: 1, exception_message: 5 } }, false],
  ["a null mapping", { request: {}, response: { body: 1 }, id_normalization_mapping: null }, true],
  ["a list as mapping", { request: {}, response: { body: 1 }, id_normalization_mapping: [] }, false],
];

describe("isEnvelope", () => {
  it.each(CASES)("%s", (_name, value, expected) => {
    expect(isEnvelope(value)).toBe(expected);
    // The hand check and the schema it stands for agree.
    expect(envelopeSchema.safeParse(value).success).toBe(expected);
  });
});
