import { describe, expect, it } from "vitest";
import { lastLinesStart } from "../../../../src/core/sessions/lastLines.js";

const last = (text: string, lines: number): string | undefined => {
  const start = lastLinesStart(Buffer.from(text), lines);
  return start === undefined ? undefined : text.slice(start);
};

describe("lastLinesStart (tail -n)", () => {
  it("finds the last N lines of text ending in a newline", () => {
    expect(last("a\nb\nc\n", 1)).toBe("c\n");
    expect(last("a\nb\nc\n", 2)).toBe("b\nc\n");
  });

  it("counts a final line without a newline", () => {
    expect(last("a\nb\nc", 1)).toBe("c");
    expect(last("a\nb\nc", 2)).toBe("b\nc");
  });

  it("is undefined when the data may not hold the start of the first line asked for", () => {
    expect(last("a\nb\nc\n", 3)).toBeUndefined();
    expect(last("", 1)).toBeUndefined();
  });

  it("gives nothing for 0 lines", () => {
    expect(last("a\nb\n", 0)).toBe("");
  });
});
