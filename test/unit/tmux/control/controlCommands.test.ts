import { describe, expect, it } from "vitest";
import { tmuxArgv } from "../../../../src/tmux/command.js";
import {
  CHANGE_FORMAT,
  commandsOfArgv,
  continuePaneCommand,
  controlClientArgv,
  controlLine,
  pauseAfterCommand,
  subscribeCommand,
  unsubscribeCommand,
} from "../../../../src/tmux/control/controlCommands.js";
import { helperSessionName, isHelperSession } from "../../../../src/tmux/control/helperSession.js";
import { supportsTmux } from "../../../../src/tmux/features.js";
import { parseSessionNames } from "../../../../src/tmux/session.js";
import { parseTmuxVersion } from "../../../../src/tmux/version.js";

describe("controlClientArgv", () => {
  it("attaches tmux -C to a helper of its own (gone once unattached) without sizing or output", () => {
    expect(controlClientArgv("_moor-control-0000abcd")).toEqual([
      "tmux",
      "-u",
      "-C",
      ...["new-session", "-d", "-s", "_moor-control-0000abcd", "cat", ";"],
      ...["set-option", "-t", "=_moor-control-0000abcd:", "destroy-unattached", "on", ";"],
      ...["attach-session", "-t", "=_moor-control-0000abcd", "-f", "ignore-size,no-output"],
    ]);
    expect(helperSessionName(() => 0.5)).toBe("_moor-control-80000000");
    expect(isHelperSession(helperSessionName())).toBe(true);
    expect(isHelperSession("_moor-control")).toBe(false);
    expect(isHelperSession("moor-control-1")).toBe(false);
  });
});

describe("controlLine", () => {
  it("single-quotes every argument, a quote inside as '\\''", () => {
    expect(controlLine(["display-message", "-p", "it's #{pane_id}; $HOME ~ {"])).toBe(
      String.raw`'display-message' '-p' 'it'\''s #{pane_id}; $HOME ~ {'`,
    );
    expect(controlLine(["x", ""])).toBe("'x' ''");
  });

  it("refuses a line break (a line is a command) and an empty command", () => {
    expect(() => controlLine(["display-message", "a\nb"])).toThrow(/line break/);
    expect(() => controlLine([])).toThrow(TypeError);
  });
});

describe("commandsOfArgv", () => {
  it("splits a tmuxArgv chain back into its commands, each final ';' as it was before the shell escape", () => {
    const commands = [
      ["run-shell", "true"],
      ["display-message", "-p", "a;"],
      ["capture-pane", "-p", "-t", "%1"],
    ];
    expect(commandsOfArgv(tmuxArgv(...commands))).toEqual(commands);
    expect(commandsOfArgv(tmuxArgv(["display-message", "-p", "a\\;"]))).toEqual([["display-message", "-p", "a\\;"]]);
  });
});

describe("subscriptions and flow control", () => {
  it("subscribes session-scoped to every session's panes, and builds pause-after and continue", () => {
    expect(subscribeCommand()).toEqual(["refresh-client", "-B", `moor::${CHANGE_FORMAT}`]);
    expect(CHANGE_FORMAT).toMatch(/^#\{S:.*#\{W:#\{P:.*\}\}.*\}$/);
    expect(unsubscribeCommand()).toEqual(["refresh-client", "-B", "moor"]);
    expect(pauseAfterCommand(2)).toEqual(["refresh-client", "-f", "pause-after=2"]);
    expect(() => pauseAfterCommand(0.5)).toThrow(TypeError);
    expect(continuePaneCommand("%3")).toEqual(["refresh-client", "-A", "%3:continue"]);
    expect(() => continuePaneCommand("3")).toThrow(TypeError);
  });

  it("is a feature of tmux 3.2 and later", () => {
    expect(supportsTmux(parseTmuxVersion("tmux 3.1c"), "controlSubscriptions")).toBe(false);
    expect(supportsTmux(parseTmuxVersion("tmux 3.2"), "controlSubscriptions")).toBe(true);
    expect(supportsTmux(parseTmuxVersion("tmux 3.8"), "controlSubscriptions")).toBe(true);
  });
});

describe("the helper is no user session", () => {
  it("is left out of session names", () => {
    expect(parseSessionNames("_moor-control-0000abcd\na\nb\n")).toEqual(["a", "b"]);
  });
});
