import { describe, expect, it } from "vitest";
import { terminalProtocol, terminalSequence } from "../../../src/notify/terminalSequence.js";

const text = { title: "moor: gpu1:a is asking", body: "claude on gpu1, session a: Allow?" };

describe("terminalProtocol", () => {
  it.each([
    [{ TERM_PROGRAM: "iTerm.app" }, "osc9"],
    [{ TERM_PROGRAM: "tmux", LC_TERMINAL: "iTerm2" }, "osc9"],
    [{ TERM_PROGRAM: "ghostty" }, "osc9"],
    [{ TERM: "xterm-kitty" }, "osc99"],
    [{ TERM: "tmux-256color", KITTY_WINDOW_ID: "3" }, "osc99"],
    [{ TERM_PROGRAM: "WezTerm" }, "osc777"],
    [{ TERM_PROGRAM: "tmux", WEZTERM_PANE: "0" }, "osc777"],
    [{ TERM: "foot" }, "osc777"],
    [{ TERM: "rxvt-unicode-256color" }, "osc777"],
    [{ VTE_VERSION: "7600" }, "osc777"],
    [{ TERM_PROGRAM: "Apple_Terminal" }, "bell"],
    [{ TERM: "xterm-256color" }, "bell"],
    [{}, "bell"],
  ] as const)("%j speaks %s", (env, protocol) => {
    expect(terminalProtocol(env)).toBe(protocol);
  });
});

describe("terminalSequence", () => {
  it("writes OSC 9, OSC 777 and OSC 99", () => {
    expect(terminalSequence("osc9", text, { tmux: false })).toBe(
      "\x1b]9;moor: gpu1:a is asking: claude on gpu1, session a: Allow?\x07",
    );
    expect(terminalSequence("osc777", text, { tmux: false })).toBe(
      "\x1b]777;notify;moor: gpu1:a is asking;claude on gpu1, session a: Allow?\x1b\\",
    );
    expect(terminalSequence("osc99", text, { tmux: false })).toBe(
      "\x1b]99;i=moor:d=0;moor: gpu1:a is asking\x1b\\\x1b]99;i=moor:d=1:p=body;claude on gpu1, session a: Allow?\x1b\\",
    );
    expect(terminalSequence("bell", text, { tmux: true })).toBe("\x07");
  });

  it("wraps for tmux with every ESC doubled", () => {
    expect(terminalSequence("osc777", text, { tmux: true })).toBe(
      "\x1bPtmux;\x1b\x1b]777;notify;moor: gpu1:a is asking;claude on gpu1, session a: Allow?\x1b\x1b\\\x1b\\",
    );
  });

  it("lets no control character from a remote screen through", () => {
    const hostile = { title: "moor: x\x1b]52;c;aGk=\x07", body: "a\x1b[2Jb\x9bc\nnext" };
    const sequence = terminalSequence("osc9", hostile, { tmux: false });
    expect(sequence.slice(4, -1)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(sequence).toBe("\x1b]9;moor: x ]52;c;aGk=: a [2Jb c; next\x07");
  });
});
