import { describe, expect, it } from "vitest";
import { FIELD_SEPARATOR, parsePaneList, type PaneRow } from "../../../src/tmux/list.js";
import { TESTED_TMUX, isTestedTmux } from "../../../src/tmux/tested.js";
import { parseTmuxVersion } from "../../../src/tmux/version.js";
import { existsSync, readFileSync } from "node:fs";
import { COMPAT_FILES, COMPAT_RELEASES } from "../../support/compat.js";
import { DEFAULT_RELEASE, RELEASES, TMUX_RELEASES } from "../../support/tmuxReleases.js";

// Real output of each test box's tmux for one scenario of user-controlled text, written by
// test/support/captureTmuxFixtures.ts (its SCENARIO says what each window holds).
function fixture(release: string, file: string): string {
  return readFileSync(new URL(`fixtures/tmux-${release}/${file}`, import.meta.url), "utf8");
}

const rows = (release: string): PaneRow[] => parsePaneList(fixture(release, "list-panes.txt"), "box");
const byWindow = (release: string, name: string): PaneRow | undefined =>
  rows(release).find((row) => row.windowName === name);

describe("the tested releases", () => {
  it("are the releases of the test boxes, and each fixture was captured from its release", () => {
    expect(Object.values(TMUX_RELEASES).map((release) => release.tmux)).toEqual([...TESTED_TMUX]);
    for (const release of TESTED_TMUX) {
      const version = parseTmuxVersion(fixture(release, "version.txt"));
      expect(version.text).toBe(release);
      expect(isTestedTmux(version)).toBe(true);
    }
    expect(isTestedTmux(parseTmuxVersion("tmux 3.4"))).toBe(false);
    expect(isTestedTmux(parseTmuxVersion("tmux next-3.9"))).toBe(false);
    expect(isTestedTmux("tmux 3.5a\n")).toBe(true);
    expect(isTestedTmux("tmux 3.5")).toBe(false);
  });

  it("each run in CI: the full suite on the default, the compatibility projects on every other", () => {
    expect([DEFAULT_RELEASE, ...COMPAT_RELEASES].sort()).toEqual([...RELEASES].sort());
    expect(COMPAT_FILES.filter((file) => !existsSync(new URL(`../../../${file}`, import.meta.url)))).toEqual([]);
  });
});

describe.each(TESTED_TMUX)("list-panes on tmux %s", (release) => {
  it("reads every row: no user text split one (control characters, tabs, backslashes, unicode)", () => {
    const panes = rows(release);
    // 3.8 refuses the window names that hold control characters or invalid UTF-8 (tmux names.c, 2026).
    expect(panes.map((row) => row.windowIndex)).toEqual(release === "3.8" ? [0, 1, 3, 4, 5, 6] : [0, 1, 2, 3, 4, 5, 6]);
    expect(panes.every((row) => row.sessionName === "compat" && /^%\d+$/.test(row.paneId))).toBe(true);
    expect(
      fixture(release, "list-panes.txt")
        .split("\n")
        .filter(Boolean)
        .every((line) => line.split(FIELD_SEPARATOR).length === 22),
    ).toBe(true);
  });

  it("reads a dead pane's status; 3.8 prints no pid for it", () => {
    const dead = byWindow(release, "dead");
    expect(dead).toMatchObject({ dead: true, deadStatus: 3 });
    if (release === "3.8") expect(dead?.panePid).toBeUndefined();
    else expect(dead?.panePid).toBeGreaterThan(0);
  });

  it("turns control characters in paths and commands into '?'", () => {
    expect(byWindow(release, "cwd")?.currentPath).toBe("/tmp/dir?with?ctl é");
    // 3.1c prints the start command as given; later releases quote it and escape it as vis(3) does.
    expect(byWindow(release, "cmd")?.startCommand).toBe(
      release === "3.1c" ? "sleep 600 # tab?here sep? é" : `"sleep 600 # tab\\there sep\\037 é"`,
    );
  });

  it("keeps unicode, backslashes and '|' in names and titles (3.8 doubles backslashes)", () => {
    const backslash = release === "3.8" ? "\\\\" : "\\";
    const window = rows(release)[1];
    expect(window?.windowName).toBe(`日本語 ✓ a${backslash}b lit${backslash}037 |`);
    expect(window?.title).toBe(`T日本 ${backslash}037 x${backslash}y |`);
    // A title a program set (OSC 2): tmux itself drops the tab and \x01 in it.
    expect(rows(release)[0]?.title).toBe(`tïtle ✓ ${backslash}037 a${backslash}b | end`);
  });

  it("shows a name rename-window stored with control characters as tmux escaped it", () => {
    expect(rows(release)[0]?.windowName).toBe(
      release === "3.8" ? "plain" : "ctl\\037sep\\ttab\\nnl\\001\\033[1m\\177 end",
    );
  });
});

describe("why the separator is a tab", () => {
  it("3.5a writes a \\x1f inside a format as the four characters \\037, which a name can hold as well", () => {
    const old = (release: string) => fixture(release, "old-separator.txt");
    expect(old("3.3a")).toBe("1\x1f日本語 ✓ a\\b lit\\037 |\n");
    expect(old("3.1c")).toBe(old("3.3a"));
    expect(old("3.5a")).toBe("1\\037日本語 ✓ a\\b lit\\037 |\n");
    expect(old("3.8")).toBe("1\x1f日本語 ✓ a\\\\b lit\\\\037 |\n");
  });

  it("invalid UTF-8 in a name: raw bytes up to 3.3a, octal escapes from 3.5a, refused by 3.8", () => {
    expect(byWindow("3.3a", "bad\uFFFD\uFFFDutf8")?.windowIndex).toBe(2);
    expect(byWindow("3.1c", "bad\uFFFD\uFFFDutf8")?.windowIndex).toBe(2);
    expect(byWindow("3.5a", "bad\\377\\376utf8")?.windowIndex).toBe(2);
    expect(fixture("3.8", "scenario.log")).toContain("new-window -n with invalid UTF-8: refused");
  });
});
