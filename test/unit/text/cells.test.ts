import { describe, expect, it } from "vitest";
import { cellWidth, fit, truncate } from "../../../src/text/cells.js";

describe("cellWidth", () => {
  it("counts wide characters as two cells and combining marks as none", () => {
    expect([cellWidth("abc"), cellWidth("日本"), cellWidth("e\u0301"), cellWidth("🙂")]).toEqual([3, 4, 1, 2]);
  });

  // Failed before the fix: 🚀 ✅ 🟢 ⚡ counted 1 each, 👍🏽 3, the family 5, the flag 2 + 2.
  it("counts emoji presentation as two cells, and a skin tone, ZWJ sequence or flag as one two-cell grapheme", () => {
    expect(["🚀", "✅", "🟢", "⚡", "👍🏽", "👨‍👩‍👧", "🧑‍💻", "🏳️‍🌈", "🇫🇷", "❤️"].map(cellWidth)).toEqual([
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    ]);
    expect(cellWidth("build ✅ deploy 🚀")).toBe(18);
  });

  it("counts text presentation, ambiguous and zero-width characters as the terminal does", () => {
    expect([
      cellWidth("☺"),
      cellWidth("—→…"),
      cellWidth("a\u200bb"),
      cellWidth("한국어"),
      cellWidth("ｱ"),
      cellWidth("\x07"),
    ]).toEqual([1, 3, 2, 6, 1, 0]);
  });
});

describe("truncate and fit", () => {
  it("truncates by cells with an ellipsis, never splitting a wide character past the width", () => {
    expect(truncate("hello world", 8)).toBe("hello w…");
    expect(truncate("hello world", 7)).toBe("hello…");
    expect(truncate("日本語テキスト", 6)).toBe("日本…");
    expect(truncate("short", 5)).toBe("short");
    expect(truncate("x", 0)).toBe("");
    expect(fit("ab", 4)).toBe("ab  ");
  });

  // Failed before the fix: the cut fell inside the grapheme, leaving a bare 👍 or a half family.
  it("never cuts a grapheme in two", () => {
    expect(truncate("ok 👍🏽👍🏽", 6)).toBe("ok 👍🏽…");
    expect(truncate("👨‍👩‍👧 family", 3)).toBe("👨‍👩‍👧…");
    expect(cellWidth(fit("✅ done ⚡ fast", 9))).toBe(9);
  });
});
