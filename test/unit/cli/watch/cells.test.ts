import { describe, expect, it } from "vitest";
import { cellWidth, fit, paintLine, sanitize, truncate } from "../../../../src/cli/watch/cells.js";

describe("cells", () => {
  it("counts wide characters as two cells and combining marks as none", () => {
    expect([cellWidth("abc"), cellWidth("日本"), cellWidth("e\u0301"), cellWidth("🙂")]).toEqual([3, 4, 1, 2]);
  });

  it("truncates by cells with an ellipsis, never splitting a wide character past the width", () => {
    expect(truncate("hello world", 8)).toBe("hello w…");
    expect(truncate("hello world", 7)).toBe("hello…");
    expect(truncate("日本語テキスト", 6)).toBe("日本…");
    expect(truncate("short", 5)).toBe("short");
    expect(truncate("x", 0)).toBe("");
    expect(fit("ab", 4)).toBe("ab  ");
  });

  it("makes remote text printable", () => {
    expect(sanitize("a\tb\x1b[31mc\x07\n")).toBe("a b?[31mc? ");
  });

  it("paints after cutting, and stops after a cut segment", () => {
    const red = (text: string): string => `<${text}>`;
    expect(paintLine([{ text: "abc", paint: red }, { text: "defgh" }, { text: "ij", paint: red }], 6)).toBe("<abc>de…");
    expect(paintLine([{ text: "", paint: red }, { text: "x" }], 6)).toBe("x");
  });
});
