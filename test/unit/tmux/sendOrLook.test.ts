import { describe, expect, it } from "vitest";
import { foregroundIsOneOf, sendOrLookArgv } from "../../../src/tmux/sendOrLook.js";

describe("sendOrLookArgv", () => {
  it("loads the text, then either only looks at a pane whose program may be an agent, or pastes and presses Enter", () => {
    expect(sendOrLookArgv("=s:", "moor-1", ["claude", "node"])).toEqual([
      "tmux",
      "-u",
      ...["send-keys", "-t", "=s:", ";"],
      ...["load-buffer", "-b", "moor-1", "-", ";"],
      ...["if-shell", "-F", "-t", "=s:", "#{m/r:^(claude|node)$,#{pane_current_command}}"],
      "display-message -p -t =s: '#{pane_dead}\t#{pane_dead_status}\t#{cursor_y}\t#{pane_current_command}\t#{pane_title}\t#{pane_start_command}' ; capture-pane -p -t =s:",
      "paste-buffer -p -r -d -b moor-1 -t =s: ; send-keys -t =s: Enter",
    ]);
  });

  it("writes a dot as [.] and leaves out names a format could not hold", () => {
    expect(foregroundIsOneOf([".opencode", "a,b", "x}y", "codex", "codex"])).toBe(
      "#{m/r:^([.]opencode|codex)$,#{pane_current_command}}",
    );
  });

  it("refuses a target or buffer that could break out of tmux's quotes", () => {
    expect(() => sendOrLookArgv("=s:' ; kill-server", "moor-1", [])).toThrow(TypeError);
  });
});
