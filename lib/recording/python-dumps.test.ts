import { parse as parseLossless } from "lossless-json";
import { describe, expect, it } from "vitest";
import { fastPythonDumps } from "./python-dumps";

// Expected strings were checked against Python 3.11: json.dumps(value, sort_keys=True).

describe("fastPythonDumps", () => {
  it("uses Python's separators and sorts keys at every level", () => {
    expect(fastPythonDumps({ b: 1, a: [1, 2, { d: null, c: true }], _: false })).toBe(
      '{"_": false, "a": [1, 2, {"c": true, "d": null}], "b": 1}',
    );
    expect(fastPythonDumps({})).toBe("{}");
    expect(fastPythonDumps([])).toBe("[]");
    expect(fastPythonDumps([[], {}])).toBe("[[], {}]");
  });

  it("sorts keys by code point: upper case first, then past-BMP keys after U+E000", () => {
    expect(fastPythonDumps({ b: 3, B: 4, "a b": 5, "\ue000": 1, "\u{1F600}": 2 })).toBe(
      '{"B": 4, "a b": 5, "b": 3, "\\ue000": 1, "\\ud83d\\ude00": 2}',
    );
    expect(fastPythonDumps({ ab: 1, a: 2, "": 3 })).toBe('{"": 3, "a": 2, "ab": 1}');
  });

  it("writes null for null and undefined, and the JSON literals", () => {
    expect(fastPythonDumps(null)).toBe("null");
    expect(fastPythonDumps(undefined)).toBe("null");
    expect(fastPythonDumps(true)).toBe("true");
    expect(fastPythonDumps(false)).toBe("false");
  });

  it("escapes like ensure_ascii: short escapes, control characters, DEL and everything past ASCII", () => {
    expect(fastPythonDumps('"\\/\n\r\t\b\f')).toBe('"\\"\\\\/\\n\\r\\t\\b\\f"');
    expect(fastPythonDumps("\u0000\u001f\u007f ~")).toBe('"\\u0000\\u001f\\u007f ~"');
    expect(fastPythonDumps("café \u2028")).toBe('"caf\\u00e9 \\u2028"');
    // Past the BMP: a surrogate pair, each half escaped, lower-case hex.
    expect(fastPythonDumps("😀")).toBe('"\\ud83d\\ude00"');
    expect(fastPythonDumps("\u{10FFFF}")).toBe('"\\udbff\\udfff"');
    // A lone surrogate is escaped as it is.
    expect(fastPythonDumps("\ud800")).toBe('"\\ud800"');
    expect(fastPythonDumps({ é: "ü" })).toBe('{"\\u00e9": "\\u00fc"}');
  });

  it("keeps numbers as recorded when parsed with lossless-json", () => {
    const value = parseLossless('{"t": 0.0, "small": 1e-05, "big": 1e+16, "neg": -0.0, "int": 7, "f": 2.50}');
    expect(fastPythonDumps(value)).toBe(
      '{"big": 1e+16, "f": 2.50, "int": 7, "neg": -0.0, "small": 1e-05, "t": 0.0}',
    );
    expect(fastPythonDumps(parseLossless("[0.0, 1.0, 1e-05]"))).toBe("[0.0, 1.0, 1e-05]");
  });

  it("writes plain JavaScript numbers the way Python's repr would", () => {
    expect(fastPythonDumps(0)).toBe("0");
    expect(fastPythonDumps(-3)).toBe("-3");
    expect(fastPythonDumps(2.5)).toBe("2.5");
    expect(fastPythonDumps(0.1)).toBe("0.1");
    expect(fastPythonDumps(0.0001)).toBe("0.0001");
    expect(fastPythonDumps(0.00001)).toBe("1e-05");
    expect(fastPythonDumps(1.5e-7)).toBe("1.5e-07");
    expect(fastPythonDumps(1.5e300)).toBe("1.5e+300");
    expect(fastPythonDumps(-2.5e-10)).toBe("-2.5e-10");
    expect(fastPythonDumps(Number.NaN)).toBe("NaN");
    expect(fastPythonDumps(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(fastPythonDumps(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
  });

  it("writes the recorder's request object exactly", () => {
    const body = parseLossless('{"model": "m", "temperature": 0.0}');
    expect(fastPythonDumps({ method: "POST", endpoint: "/v1/chat/completions", body, test_id: "t::x" })).toBe(
      '{"body": {"model": "m", "temperature": 0.0}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": "t::x"}',
    );
    expect(fastPythonDumps({ method: "GET", endpoint: "/v1/models", body: {}, test_id: null })).toBe(
      '{"body": {}, "endpoint": "/v1/models", "method": "GET", "test_id": null}',
    );
  });
});
