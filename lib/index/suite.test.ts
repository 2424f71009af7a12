import { describe, expect, it } from "vitest";
import { suiteOf } from "./suite";

describe("suiteOf", () => {
  it("names the suite folder above tests/integration/<suite>/recordings", () => {
    expect(suiteOf("tests/integration/inference/recordings/abc.json")).toBe("inference");
    expect(suiteOf("tests/integration/common/recordings/models-0123456789ab-01234567.json")).toBe("common");
    expect(suiteOf("tests/integration/agents/recordings/abc.json")).toBe("agents");
  });

  it("names the kind folder below a legacy recordings folder", () => {
    expect(suiteOf("tests/integration/recordings/responses/0123456789ab.json")).toBe("responses");
    expect(suiteOf("tests/integration/recordings/vision/responses/0123456789ab.json")).toBe("vision");
    expect(suiteOf("recordings/responses/0123456789ab.json")).toBe("responses");
  });

  it("calls files directly in a top-level recordings folder 'recordings'", () => {
    expect(suiteOf("recordings/abc.json")).toBe("recordings");
  });

  it("falls back to the parent folder, or (root)", () => {
    expect(suiteOf("abc.json")).toBe("(root)");
    expect(suiteOf("sub/abc.json")).toBe("sub");
    expect(suiteOf("a/b/abc.json")).toBe("b");
  });
});
