import { describe, expect, it } from "vitest";
import { imageSource } from "./image-source";

describe("imageSource", () => {
  it("links http(s) URLs without loading them", () => {
    expect(imageSource("https://example.com/a.png", null)).toEqual({
      src: null,
      href: "https://example.com/a.png",
      caption: "https://example.com/a.png",
    });
  });
  it("shows data URLs with their type and size", () => {
    const url = `data:image/jpeg;base64,${"A".repeat(4096)}`;
    expect(imageSource(url, null)).toEqual({ src: url, href: null, caption: "data URL, image/jpeg, 3 KB" });
  });
  it("turns bare base64 into a data URL", () => {
    expect(imageSource("iVBORw0KGgo=", "image/png").src).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(imageSource("iVBORw0KGgo=", "text/html").src).toBe("data:image/png;base64,iVBORw0KGgo=");
  });
  it("refuses other schemes", () => {
    expect(imageSource("javascript:alert(1)", null)).toMatchObject({ src: null, href: null });
    expect(imageSource("file:///etc/passwd", null)).toMatchObject({ src: null, href: null });
  });
});
