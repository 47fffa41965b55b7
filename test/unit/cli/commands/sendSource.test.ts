import { describe, expect, it } from "vitest";
import { sendSource } from "../../../../src/cli/commands/sendSource.js";

describe("sendSource", () => {
  it.each([
    [["fix it"], 0, "words"],
    [["fix", "it"], 1, "words"],
    [["-"], 0, "stdin"],
    [["-"], 2, "stdin"],
    [[], 0, "stdin"],
    [[], 1, "none"],
    [["-", "x"], 0, "words"],
  ] as const)("TEXT %j with %i --key: %s", (words, keys, source) => {
    expect(sendSource(words, keys)).toBe(source);
  });
});
