import { describe, expect, it } from "vitest";
import { paintLine, sanitize } from "../../../../src/cli/watch/paintLine.js";

describe("paintLine", () => {
  it("makes remote text printable", () => {
    expect(sanitize("a\tb\x1b[31mc\x07\n")).toBe("a b?[31mc? ");
  });

  it("paints after cutting, and stops after a cut segment", () => {
    const red = (text: string): string => `<${text}>`;
    expect(paintLine([{ text: "abc", paint: red }, { text: "defgh" }, { text: "ij", paint: red }], 6)).toBe("<abc>de…");
    expect(paintLine([{ text: "", paint: red }, { text: "x" }], 6)).toBe("x");
  });
});
