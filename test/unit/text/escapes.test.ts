import { describe, expect, it } from "vitest";
import { EscapeReader, EscapeStripper, escapeTokens, stripEscapes } from "../../../src/text/escapes.js";

const strip = (text: string): string => new EscapeStripper().push(Buffer.from(text)).toString();

describe("stripEscapes", () => {
  it.each([
    ["colours (CSI SGR)", "\x1b[1;31mred\x1b[0m plain", "red plain"],
    ["cursor moves and private modes", "a\x1b[2J\x1b[H\x1b[?25l\x1b[?2004hb\x1b[10;20Hc", "abc"],
    ["CSI with intermediates", "a\x1b[2 qb\x1b[>4;1mc", "abc"],
    ["OSC ended by BEL", "\x1b]0;my title\x07after", "after"],
    ["OSC ended by ST", "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\", "link"],
    [
      "DCS, APC, PM and SOS strings",
      "a\x1bPtmux;\x1b\x1b[1m\x1b\\b\x1b_apc\x1b\\c\x1b^pm\x1b\\d\x1bXsos\x1b\\e",
      "abcde",
    ],
    ["short ESC sequences", "\x1b(Ba\x1b=b\x1b>c\x1b7d\x1b8e\x1bMf\x1b#8g", "abcdefg"],
    ["CAN aborts a sequence", "a\x1b[12\x18b", "ab"],
    ["tmux's and screen's title (ESC k … ESC \\)", "a\x1bkvim main.c\x1b\\b\x1bkzsh\x07c", "abc"],
    ["DCS with BEL inside (only ST ends it)", "a\x1bPq#0\x07x\x1b\\b", "ab"],
  ])("removes %s", (_what, input, expected) => {
    expect(strip(input)).toBe(expected);
  });

  it("keeps \\r, \\n, tabs, other controls and UTF-8 exactly", () => {
    const text = "line 1\r\nline\t2\r\x08x\x07 héllo ✓ 🚀 日本\n";
    expect(strip(text)).toBe(text);
  });

  it("keeps C0 controls that arrive inside a sequence, as a terminal acts on them", () => {
    expect(strip("a\x1b[1\n2mb")).toBe("a\nb");
  });

  it("ends a broken sequence at a non-ASCII byte without eating the text", () => {
    expect(strip("\x1b[1é")).toBe("é");
  });

  it("removes a sequence split across chunks, at every split point", () => {
    const input = Buffer.from("x\x1b[38;5;208mA\x1b]0;t\x1b\\B\x1bPq\x1b\\C\x1b(0D\r\n✓\x1b[0m");
    const whole = new EscapeStripper().push(input).toString();
    expect(whole).toBe("xABCD\r\n✓");
    for (let first = 0; first <= input.length; first++) {
      for (let second = first; second <= input.length; second++) {
        const stripper = new EscapeStripper();
        const parts = [input.subarray(0, first), input.subarray(first, second), input.subarray(second)].map((part) =>
          stripper.push(part),
        );
        expect(Buffer.concat(parts).toString()).toBe(whole);
      }
    }
  });

  it("byte by byte gives the same as all at once", () => {
    const input = Buffer.from("\x1b[?1049h\x1b[1;1H\x1b[2K> fix the tests\x1b[K\r\n\x1b]133;A\x07done\n");
    const stripper = new EscapeStripper();
    const out = Buffer.concat([...input].map((byte) => stripper.push(Buffer.of(byte))));
    expect(out.toString()).toBe("> fix the tests\r\ndone\n");
  });
});

// A stream of text, controls, UTF-8 and every kind of sequence, some cut short, built from a seed.
function randomStream(seed: number): string {
  const pieces = [
    "a",
    "日本",
    "✅",
    "👍🏽",
    "\r\n",
    "\t",
    "\x07",
    "\x1b[1;31m",
    "\x1b[?25l",
    "\x1b[2 q",
    "\x1b[>4;1m",
    "\x1b]0;title\x07",
    "\x1b]8;;https://x\x1b\\",
    "\x1bPtmux;\x1b\x1b[1m\x1b\\",
    "\x1bkname\x1b\\",
    "\x1b_apc\x07",
    "\x1b(B",
    "\x1b#8",
    "\x1b=",
    "\x1bOA",
    "\x1b[12",
    "\x1b",
    "\x18",
    "\x1b]52;",
    "é",
  ];
  let state = seed;
  let out = "";
  for (let count = 0; count < 40; count++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += pieces[state % pieces.length] ?? "";
  }
  return out;
}

describe("the escape reader, fuzzed", () => {
  const streams = Array.from({ length: 60 }, (_, seed) => randomStream(seed + 1));

  it("strips the same at every split point of a stream, in bytes as in text", () => {
    for (const stream of streams) {
      const bytes = Buffer.from(stream);
      const whole = new EscapeStripper().push(bytes).toString();
      expect(whole).toBe(stripEscapes(stream));
      expect(whole).not.toContain("\x1b");
      for (let split = 0; split <= bytes.length; split++) {
        const stripper = new EscapeStripper();
        expect(
          Buffer.concat([stripper.push(bytes.subarray(0, split)), stripper.push(bytes.subarray(split))]).toString(),
        ).toBe(whole);
      }
    }
  });

  it("cuts text into tokens that hold every character once, each sequence starting at ESC", () => {
    for (const stream of streams) {
      const tokens = escapeTokens(stream);
      // A control inside a sequence comes out before the sequence, so the order may differ, not the characters.
      expect([...tokens.map((token) => token.text).join("")].sort()).toEqual([...stream].sort());
      for (const token of tokens)
        expect(token.sequence ? token.text.startsWith("\x1b") : !token.text.includes("\x1b")).toBe(true);
      expect(
        tokens
          .filter((token) => !token.sequence)
          .map((token) => token.text)
          .join(""),
      ).toBe(stripEscapes(stream));
    }
  });

  it("is between sequences exactly where a complete sequence ended", () => {
    const reader = new EscapeReader();
    const roles = [..."\x1b[1;2mx\x1b]0;t\x1b\\"].map((char) => [
      reader.step(char.charCodeAt(0)),
      reader.inGround,
      reader.kind,
    ]);
    expect(roles.map(([role]) => role).join(" ")).toBe(
      "sequence sequence sequence sequence sequence end text sequence sequence sequence sequence sequence sequence end",
    );
    expect(roles.at(5)).toEqual(["end", true, "csi"]);
    expect(roles.at(-2)).toEqual(["sequence", false, "escape"]);
  });
});

describe("escapeTokens", () => {
  it("gives each sequence whole with its kind, and says when the input ended inside one", () => {
    expect(escapeTokens("ab\x1b[2 qc\x1bkt\x1b\\\x1b[1")).toEqual([
      { text: "ab", sequence: false },
      { text: "\x1b[2 q", sequence: true, kind: "csi", complete: true },
      { text: "c", sequence: false },
      { text: "\x1bkt", sequence: true, kind: "title", complete: false },
      { text: "\x1b\\", sequence: true, kind: "escape", complete: true },
      { text: "\x1b[1", sequence: true, kind: "csi", complete: false },
    ]);
  });

  it("keeps a control that arrives inside a sequence as text of its own", () => {
    expect(escapeTokens("\x1b[1\x032m")).toEqual([
      { text: "\x03", sequence: false },
      { text: "\x1b[12m", sequence: true, kind: "csi", complete: true },
    ]);
  });
});
