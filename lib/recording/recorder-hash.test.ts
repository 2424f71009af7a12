import { parse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { fastPythonDumps } from "./python-dumps";
import { pythonFixed5, pythonFloatRepr, pythonRound5 } from "./python-float";
import { nameCarries, normalizeBodyForHash, requestHashes } from "./recorder-hash";

describe("Python's float formatting", () => {
  it("rounds to 5 places as round() and :.5f do, ties to even", () => {
    expect(pythonRound5(0.015625)).toBe(0.01562);
    expect(pythonFixed5(0.015625)).toBe("0.01562");
    expect(pythonRound5(1e-7)).toBe(0);
    expect(pythonFixed5(-0.000001)).toBe("-0.00000");
    expect(pythonFixed5(123.456789)).toBe("123.45679");
  });

  it("writes floats as repr() does", () => {
    expect([2.5, 1, 0, 1e16, 1.5e-5, 0.0001, 123.45679].map(pythonFloatRepr)).toEqual([
      "2.5",
      "1.0",
      "0.0",
      "1e+16",
      "1.5e-05",
      "0.0001",
      "123.45679",
    ]);
  });
});

describe("json.dumps(sort_keys=True)", () => {
  it("sorts keys, keeps recorded numbers and escapes past ASCII", () => {
    const value = parse(
      '{"b": [1, 2.50, {"z": null, "a": true}], "a": "caf\\u00e9 \\ud83d\\ude00\\n\\u007f", "\\u00e9": 1e-7}',
    );
    expect(fastPythonDumps(value)).toBe(
      '{"a": "caf\\u00e9 \\ud83d\\ude00\\n\\u007f", "b": [1, 2.50, {"a": true, "z": null}], "\\u00e9": 1e-7}',
    );
  });
});

describe("the recorder's hash", () => {
  // Hashes computed with Python from llama-stack's `normalize_inference_request`.
  const request = parse(
    JSON.stringify({
      method: "POST",
      url: "http://localhost:8321/v1/chat/completions",
      body: {
        model: "m",
        temperature: 0.123456789,
        top_p: 1.0,
        max_tokens: 50,
        messages: [
          {
            role: "user",
            content:
              "café 😀 ratio 3.14159265 [1] document_id: 0f8e6b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b, score: 0.9876543",
          },
        ],
        extra_body: { project_id: "p-123", guided_choice: ["a", "b"] },
      },
    }).replace('"top_p":1', '"top_p":1.0'),
  );
  const envelope = { test_id: "tests/a.py::test_b[x]", request: request as Record<string, unknown> };

  it("normalizes the body as today's recorder does", () => {
    expect(fastPythonDumps(normalizeBodyForHash((request as { body: unknown }).body))).toBe(
      '{"extra_body": {"guided_choice": ["a", "b"]}, "max_tokens": 50, "messages": [{"content": "caf\\u00e9 \\ud83d\\ude00 ratio 3.14159 [1] document_id: __NORMALIZED__, score: __NORMALIZED__", "role": "user"}], "model": "m", "temperature": 0.12346, "top_p": 1.0}',
    );
  });

  it("gives today's hash first, then older recorders' (raw body, no test id)", () => {
    const hashes = requestHashes(envelope);
    expect(hashes.current).toBe("2b41531114671b4b6f2657c2199f00c7269f5e79be2db86549df93bcae8bc4d1");
    expect(hashes.variants).toContain("bda3dce55ec41121ee1989d11c6d313ebe75e17c292046f090c216741b691bb5");
    expect(hashes.basis).toBe("{method, endpoint, body, test_id}");
    expect(nameCarries("4e849b2f073c", hashes.variants)).toBe(true);
    expect(nameCarries("4e849b2f073d", hashes.variants)).toBe(false);
  });
});
