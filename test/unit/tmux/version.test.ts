import { describe, it, expect } from "vitest";
import { MoorError } from "../../../src/errors.js";
import { compareTmuxVersions, parseTmuxVersion, tmuxVersionArgv } from "../../../src/tmux/version.js";
import { TMUX_V_3_3A } from "./fixtures/tmux33a.js";

describe("parseTmuxVersion", () => {
  it("reads the real 3.3a output", () => {
    expect(parseTmuxVersion(TMUX_V_3_3A)).toEqual({ major: 3, minor: 3, text: "3.3a" });
  });

  it.each([
    ["tmux 3.0", { major: 3, minor: 0, text: "3.0" }],
    ["tmux 2.9a", { major: 2, minor: 9, text: "2.9a" }],
    ["tmux next-3.4", { major: 3, minor: 4, text: "next-3.4" }],
    ["tmux 3.4-rc", { major: 3, minor: 4, text: "3.4-rc" }],
    ["tmux 3.10", { major: 3, minor: 10, text: "3.10" }],
    ["tmux master", { major: Number.POSITIVE_INFINITY, minor: 0, text: "master" }],
    ["tmux openbsd-7.4", { major: 3, minor: 3, text: "openbsd-7.4" }],
    ["tmux openbsd-7.5", { major: 3, minor: 4, text: "openbsd-7.5" }],
    ["tmux openbsd-6.7", { major: 3, minor: 1, text: "openbsd-6.7" }],
    ["tmux openbsd-6.6", { major: 2, minor: 9, text: "openbsd-6.6" }],
    ["tmux openbsd-5.9", { major: 2, minor: 0, text: "openbsd-5.9" }],
    // A wrapper in front of tmux that runs the real binary under another name: tmux names itself as called.
    ["tmux.real 3.3a", { major: 3, minor: 3, text: "3.3a" }],
    ["/usr/bin/tmux-3.5a 3.5a", { major: 3, minor: 5, text: "3.5a" }],
  ])("%j", (output, version) => {
    expect(parseTmuxVersion(output)).toEqual(version);
  });

  it("refuses output it cannot read, naming the host, with exit 6", () => {
    const error = (() => {
      try {
        parseTmuxVersion("sh: 1: tmux: not found", "box1");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MoorError);
    expect(error).toMatchObject({ exitCode: 6, message: expect.stringContaining("on box1") as unknown });
  });

  it("is asked for with tmux -V", () => {
    expect(tmuxVersionArgv()).toEqual(["tmux", "-V"]);
  });
});

describe("compareTmuxVersions", () => {
  it("orders by major then minor, numerically", () => {
    expect(compareTmuxVersions({ major: 3, minor: 10 }, { major: 3, minor: 9 })).toBe(1);
    expect(compareTmuxVersions({ major: 2, minor: 9 }, { major: 3, minor: 0 })).toBe(-1);
    expect(compareTmuxVersions({ major: 3, minor: 3 }, { major: 3, minor: 3 })).toBe(0);
    expect(compareTmuxVersions({ major: Number.POSITIVE_INFINITY, minor: 0 }, { major: 3, minor: 5 })).toBe(1);
  });
});
