import { describe, expect, it } from "vitest";
import { SequenceBoundary } from "../../../../src/cli/terminal/sequenceBoundary.js";

function feed(boundary: SequenceBoundary, ...chunks: (string | Buffer)[]): string[] {
  return chunks.map((chunk) =>
    boundary.take(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, "latin1")).toString("latin1"),
  );
}

describe("SequenceBoundary", () => {
  it("passes complete output through at once", () => {
    expect(feed(new SequenceBoundary(), "tick 1\r\n\x1b[1;31mred\x1b[0m")).toEqual(["tick 1\r\n\x1b[1;31mred\x1b[0m"]);
  });

  it("holds back a CSI sequence split across chunks until it is complete", () => {
    expect(feed(new SequenceBoundary(), "ab\x1b", "[3", "8;5;1mc")).toEqual(["ab", "", "\x1b[38;5;1mc"]);
  });

  it("holds back an OSC string until BEL or ESC \\", () => {
    expect(feed(new SequenceBoundary(), "x\x1b]0;tit", "le\x07y", "\x1b]52;c;YQ==\x1b", "\\z")).toEqual([
      "x",
      "\x1b]0;title\x07y",
      "",
      "\x1b]52;c;YQ==\x1b\\z",
    ]);
  });

  it("holds back a charset designation and a UTF-8 character cut in half", () => {
    const dash = Buffer.from("—", "utf8");
    expect(
      feed(
        new SequenceBoundary(),
        "\x1b(",
        "Bq",
        Buffer.concat([Buffer.from("a"), dash.subarray(0, 1)]),
        dash.subarray(1),
      ),
    ).toEqual(["", "\x1b(Bq", "a", dash.toString("latin1")]);
  });

  it("drops what was half-received when a new stream begins", () => {
    const boundary = new SequenceBoundary();
    expect(feed(boundary, "a\x1b[1")).toEqual(["a"]);
    boundary.reset();
    expect(feed(boundary, "0mb")).toEqual(["0mb"]);
  });

  it("gives up holding back a string that never ends", () => {
    const huge = `\x1bP${"q".repeat(70_000)}`;
    expect(feed(new SequenceBoundary(), huge)[0]).toHaveLength(huge.length);
  });
});
