import { describe, expect, it } from "vitest";
import { fileNameScheme } from "./file-name";

const H12 = "0123456789ab";
const H64 = "0123456789abcdef".repeat(4);

describe("fileNameScheme", () => {
  it("tells 12-hex, 64-hex and model-list names apart", () => {
    expect(fileNameScheme(`${H12}.json`)).toEqual({ scheme: "hash-12", nameHash: H12 });
    expect(fileNameScheme(`${H64}.json`)).toEqual({ scheme: "hash-64", nameHash: H64 });
    expect(fileNameScheme(`models-${H12}-deadbeef.json`)).toEqual({ scheme: "models", nameHash: H12 });
    expect(fileNameScheme(`models-${H64}-0badf00d.json`)).toEqual({ scheme: "models", nameHash: H64 });
  });

  it("calls anything else other", () => {
    for (const name of [
      "recording.json",
      `${H12}`,
      `${H12.toUpperCase()}.json`,
      `${H12}0.json`,
      `${H64.slice(1)}.json`,
      `${H64}.json.bak`,
      `models-${H12}.json`,
      `models-${H12}-dead.json`,
      `models-${H12}-deadbeefx.json`,
      `x${H12}.json`,
      "index.sqlite",
    ]) {
      expect(fileNameScheme(name), name).toEqual({ scheme: "other", nameHash: null });
    }
  });
});
