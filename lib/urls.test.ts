import { describe, expect, it } from "vitest";
import { recordingApiHref } from "./urls";

describe("recordingApiHref", () => {
  it("links the JSON API's first page without a query, other pages and one interaction with one", () => {
    const path = "tests/cassettes/test chat/#1.yaml";
    expect(recordingApiHref(path)).toBe("/api/recordings/tests/cassettes/test%20chat/%231.yaml");
    expect(recordingApiHref(path, { page: 1 })).toBe("/api/recordings/tests/cassettes/test%20chat/%231.yaml");
    expect(recordingApiHref(path, { page: 2 })).toBe(
      "/api/recordings/tests/cassettes/test%20chat/%231.yaml?page=2",
    );
    expect(recordingApiHref(path, { interaction: 0 })).toBe(
      "/api/recordings/tests/cassettes/test%20chat/%231.yaml?interaction=0",
    );
  });
});
