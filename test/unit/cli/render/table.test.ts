import { describe, expect, it } from "vitest";
import { formatTable } from "../../../../src/cli/render/table.js";

describe("formatTable", () => {
  // Failed before the fix: widths were string lengths, so a CJK or emoji name pushed its row's columns right.
  it("aligns columns by terminal cells: CJK, emoji and colour codes", () => {
    expect(
      formatTable(
        ["HOST", "SESSION", "STATUS"],
        [
          ["box", "日本語", "running"],
          ["box", "build-✅", "idle"],
          ["box", "\x1b[1mplain\x1b[0m", "exited"],
        ],
      ).split("\n"),
    ).toEqual([
      "HOST  SESSION   STATUS",
      "box   日本語    running",
      "box   build-✅  idle",
      "box   \x1b[1mplain\x1b[0m     exited",
    ]);
  });
});
