import { describe, expect, it } from "vitest";
import { checkBasicAuth } from "./basic-auth";

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;

describe("checkBasicAuth", () => {
  it("accepts exactly the configured user and password", () => {
    expect(checkBasicAuth(basic("alice:s3cret"), "alice:s3cret")).toBe(true);
    expect(checkBasicAuth(basic("alice:pä:ss"), "alice:pä:ss")).toBe(true);
    expect(checkBasicAuth(`basic   ${basic("alice:s3cret").slice(6)}`, "alice:s3cret")).toBe(true);
  });

  it.each([
    ["no header", null],
    ["another scheme", "Bearer abc"],
    ["a wrong password", basic("alice:wrong")],
    ["a wrong user", basic("bob:s3cret")],
    ["a prefix of the password", basic("alice:s3cre")],
    ["a longer password", basic("alice:s3cret!")],
    ["an empty credential", "Basic "],
    ["not base64", "Basic !!!"],
  ])("refuses %s", (_label, header) => {
    expect(checkBasicAuth(header, "alice:s3cret")).toBe(false);
  });
});
