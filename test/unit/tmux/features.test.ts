import { describe, it, expect } from "vitest";
import { MIN_TMUX, TMUX_FEATURES, requireTmux, supportsTmux } from "../../../src/tmux/features.js";
import { TESTED_TMUX } from "../../../src/tmux/tested.js";
import { parseTmuxVersion } from "../../../src/tmux/version.js";

describe("requireTmux", () => {
  it("accepts a tmux that has the feature", () => {
    expect(() => requireTmux(parseTmuxVersion("tmux 3.3a"), "respawnEnv", "box1")).not.toThrow();
    expect(() => requireTmux(parseTmuxVersion("tmux master"), "newSessionEnv", "box1")).not.toThrow();
  });

  it("refuses an older one with exit 6, naming the host, versions and feature", () => {
    expect(() => requireTmux(parseTmuxVersion("tmux 3.1c"), "newSessionEnv", "box1")).toThrow(
      "tmux 3.1c on box1 is too old: moor needs tmux >= 3.2 for new-session -e",
    );
    expect(() => requireTmux(parseTmuxVersion("tmux 2.9a"), "moor", "box2")).toThrow(
      expect.objectContaining({
        exitCode: 6,
        message: "tmux 2.9a on box2 is too old: moor needs tmux >= 3.1 for its tmux commands",
      }),
    );
  });

  it("sets the overall floor at the oldest tested release, which has every feature moor relies on", () => {
    const used = [
      "exactTargets",
      "namedBuffers",
      "loadBufferStdin",
      "bracketedPaste",
      "sessionSize",
      "captureEscapes",
      "captureJoin",
      "captureWholeHistory",
      "remainOnExit",
      "paneDeadStatus",
      "listFormatRegex",
      "activityFormats",
    ] as const;
    const newest = Math.max(
      ...used.map((feature) => TMUX_FEATURES[feature].major * 100 + TMUX_FEATURES[feature].minor),
    );
    expect(newest).toBe(300);
    expect(newest).toBeLessThanOrEqual(MIN_TMUX.major * 100 + MIN_TMUX.minor);
    expect(parseTmuxVersion(`tmux ${TESTED_TMUX[0]}`)).toMatchObject({ major: MIN_TMUX.major, minor: MIN_TMUX.minor });
    expect(MIN_TMUX.text).toBe("3.1");
  });

  it("reports support per feature", () => {
    expect(supportsTmux(parseTmuxVersion("tmux 3.1"), "captureTrailingSpaces")).toBe(true);
    expect(supportsTmux(parseTmuxVersion("tmux 3.0a"), "captureTrailingSpaces")).toBe(false);
  });
});
