import { describe, expect, it } from "vitest";
import { EscapeStripper, stripEscapes } from "../../../../src/core/sessions/stripEscapes.js";

const strip = (text: string): string => stripEscapes(Buffer.from(text)).toString();

describe("stripEscapes", () => {
  it.each([
    ["colours (CSI SGR)", "\x1b[1;31mred\x1b[0m plain", "red plain"],
    ["cursor moves and private modes", "a\x1b[2J\x1b[H\x1b[?25l\x1b[?2004hb\x1b[10;20Hc", "abc"],
    ["CSI with intermediates", "a\x1b[2 qb\x1b[>4;1mc", "abc"],
    ["OSC ended by BEL", "\x1b]0;my title\x07after", "after"],
    ["OSC ended by ST", "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\", "link"],
    ["DCS, APC, PM and SOS strings", "a\x1bPtmux;\x1b\x1b[1m\x1b\\b\x1b_apc\x1b\\c\x1b^pm\x1b\\d\x1bXsos\x1b\\e", "abcde"],
    ["short ESC sequences", "\x1b(Ba\x1b=b\x1b>c\x1b7d\x1b8e\x1bMf\x1b#8g", "abcdefg"],
    ["CAN aborts a sequence", "a\x1b[12\x18b", "ab"],
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
    const whole = stripEscapes(input).toString();
    expect(whole).toBe("xABCD\r\n✓");
    for (let first = 0; first <= input.length; first++) {
      for (let second = first; second <= input.length; second++) {
        const stripper = new EscapeStripper();
        const parts = [input.subarray(0, first), input.subarray(first, second), input.subarray(second)].map((part) => stripper.push(part));
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
