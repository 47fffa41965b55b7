import { describe, expect, it } from "vitest";
import { firstLine } from "../../../src/text/firstLine.js";

describe("firstLine", () => {
  it("gives the first line of what was said, trimmed, from text or bytes", () => {
    expect(firstLine("\n  can't find session: s1\r\nmore\n")).toBe("can't find session: s1");
    expect(firstLine(Buffer.from("sh: 1: nope: not found\n"))).toBe("sh: 1: nope: not found");
    expect(firstLine("  \n")).toBe("");
  });
});
