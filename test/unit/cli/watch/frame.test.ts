import { describe, expect, it } from "vitest";
import { cellWidth } from "../../../../src/text/cells.js";
import { renderFrame, type FrameOptions } from "../../../../src/cli/watch/frame.js";
import { NOW, colour, host, plain, session, timeOfDay, twoHosts } from "./snapshots.js";
import { tracked } from "../../fakes/trackedState.js";

const size = (width: number, height: number): FrameOptions => ({ width, height, now: NOW, style: plain, timeOfDay });
const strip = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, "");

describe("renderFrame", () => {
  it("draws each host's link state and each session's status, attachment, age and latest line (100×8)", () => {
    expect(renderFrame(twoHosts(), { peek: false, selected: "gpu1:refactor" }, size(100, 8))).toEqual([
      "moor watch · 2 hosts · 3 sessions      ↑↓/jk move  ⏎ attach  p peek  1-9/y/n answer  r reply  q quit",
      "gpu1  up",
      "    fix-tests  working         claude    attached  5s ago    Running tests… 41 passed",
      "  › refactor   exited 0        claude              5m ago    Done.",
      "lab  down since 22:13:08, reconnecting, attempt 3, next try in 2s (connection refused)",
      "    docs       idle 12m                            12m ago   (stale) writing README.md",
      "",
      "",
    ]);
  });

  it("cuts every line to the width and opens the peek panel below the list (60×12)", () => {
    expect(renderFrame(twoHosts(), { peek: true, selected: "gpu1:refactor" }, size(60, 12))).toEqual([
      "moor watch · 2 hosts · 3 sessions",
      "gpu1  up",
      "    fix-tests  working         claude    attached  5s ago…",
      "  › refactor   exited 0        claude              5m ago…",
      "lab  down since 22:13:08, reconnecting, attempt 3, next try…",
      "    docs       idle 12m                            12m ago…",
      "",
      "── peek gpu1:refactor (p closes) ───────────────────────────",
      "Done. -2",
      "Done. -1",
      "Done.",
      "",
    ]);
  });

  it("scrolls so the selected session stays on screen, and selects the first session by default", () => {
    const many = {
      at: NOW,
      hosts: [host("h", { sessions: ["a", "b", "c", "d", "e"].map((name) => session(name, `out ${name}`)) })],
    };
    expect(renderFrame(many, { peek: false, selected: "h:e" }, size(40, 4)).slice(1)).toEqual([
      "    c     working         claude    …",
      "    d     working         claude    …",
      "  › e     working         claude    …",
    ]);
    expect(renderFrame(many, { peek: false }, size(40, 3))[2]).toBe("  › a     working         claude    …");
  });

  it("counts the sessions that need the user in the header, and marks them in the list", () => {
    const snapshot = {
      at: NOW,
      hosts: [
        host("gpu1", {
          sessions: [
            session("a", "Do you want to proceed?", { state: tracked("asking", { agent: "claude" }) }),
            session("b", "> ", { state: tracked("waiting", { agent: "codex" }) }),
            session("c", "> ", { state: tracked("waiting") }),
          ],
        }),
        host("lab", {
          link: { kind: "down", since: NOW - 1_000, lastContact: NOW - 2_000, reason: "reset" },
          sessions: [session("d", "x", { state: tracked("asking") })],
        }),
      ],
    };
    const lines = renderFrame(snapshot, { peek: false, selected: "gpu1:c" }, size(100, 7));
    expect(lines.slice(0, 4)).toEqual([
      "moor watch · 2 hosts · 4 sessions · 1 asking · 2 waiting",
      "gpu1  up",
      "  ● a     asking          claude              5s ago    Do you want to proceed?",
      "  ● b     waiting         codex               5s ago    > ",
    ]);
    expect(lines[4]?.startsWith("  › c     waiting")).toBe(true);
    // A stale host's sessions are neither counted nor marked.
    expect(lines[6]?.startsWith("    d     asking")).toBe(true);
  });

  it("says what it knows of hosts without sessions, poll errors, quiet and first connection", () => {
    const snapshot = {
      at: NOW,
      hosts: [
        host("a", { link: { kind: "connecting", attempt: 1 }, polled: false }),
        host("b", { link: { kind: "quiet", lastContact: NOW - 4_200 } }),
        host("c", { error: "tmux is not installed on c" }),
        host("d", { link: { kind: "failed", reason: "authentication failed for moor@d", exitCode: 4 }, polled: false }),
      ],
    };
    expect(renderFrame(snapshot, { peek: false, message: "moor attach a:x ended with exit 5" }, size(70, 12))).toEqual([
      "moor watch · 4 hosts · 0 sessions",
      "a  connecting",
      "    sessions not known yet",
      "b  quiet for 4s",
      "    no sessions",
      "c  up",
      "    ! tmux is not installed on c",
      "    no sessions",
      "d  failed: authentication failed for moor@d",
      "    sessions not known yet",
      "",
      "moor attach a:x ended with exit 5",
    ]);
  });

  it("keeps names and lines from the remote harmless, and never counts colour codes as cells", () => {
    const nasty = { at: NOW, hosts: [host("gpu1", { sessions: [session("s", "\x1b[2Jwide 日本語 text\tand more")] })] };
    for (const width of [20, 33, 47, 80]) {
      const lines = renderFrame(nasty, { peek: true }, { ...size(width, 10), style: colour });
      expect(lines).toHaveLength(10);
      for (const line of lines) expect(cellWidth(strip(line))).toBeLessThanOrEqual(width);
      expect(lines.join("\n")).not.toContain("\x1b[2J");
    }
    expect(strip(renderFrame(nasty, { peek: false }, { ...size(80, 3), style: colour })[2] ?? "")).toBe(
      "  › s     working         claude              5s ago    ?[2Jwide 日本語 text an…",
    );
  });

  // Failed before the fix: ✅ 🚀 ⚡ counted one cell each, so these lines came out wider than the screen, and the
  // bottom row scrolled the whole frame.
  it("never draws a line wider than the screen, whatever emoji the remote prints", () => {
    const emoji = {
      at: NOW,
      hosts: [
        host("gpu1", { sessions: [session("✅-ship", "✅ tests pass 🚀 deployed ⚡ fast 👍🏽 👨‍👩‍👧 🟢 done ✅✅✅")] }),
      ],
    };
    for (let width = 12; width <= 90; width++) {
      for (const line of renderFrame(emoji, { peek: true }, { ...size(width, 10), style: colour }))
        expect(cellWidth(strip(line))).toBeLessThanOrEqual(width);
    }
  });
});
