import { describe, expect, it } from "vitest";
import { lastLine, tmuxFarewell } from "../../../../src/core/attach/tmuxFarewell.js";

describe("tmuxFarewell", () => {
  it("reads the tmux client's last words after its terminal clean-up sequences", () => {
    expect(tmuxFarewell("\x1b[?1049l\x1b[?25h[detached (from session s1)]\r\n")).toBe("detached");
    expect(tmuxFarewell("[detached and SIGHUP]\r\n")).toBe("detached");
    expect(tmuxFarewell("tick 3\r\n\x1b[H\x1b[2J[exited]\r\n")).toBe("exited");
    expect(tmuxFarewell("[server exited]\n")).toBe("exited");
    expect(tmuxFarewell("open terminal failed: missing or unsuitable terminal: xterm-kitty\r\n")).toBe(
      "unsupported-terminal",
    );
    expect(tmuxFarewell("can't find session: s1\r\n")).toBe("other");
  });

  it("does not take pane text for a farewell unless it is the very last line", () => {
    expect(tmuxFarewell("[detached (from session s1)]\r\nstill running\r\n")).toBe("other");
    expect(lastLine("a\r\n\x1b]0;title\x07b  \r\n\r\n")).toBe("b");
  });
});
