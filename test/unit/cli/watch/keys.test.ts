import { describe, expect, it } from "vitest";
import { applyKey, parseKeys } from "../../../../src/cli/watch/keys.js";
import { twoHosts } from "./snapshots.js";

describe("parseKeys", () => {
  it("reads arrows (normal and application mode), vi keys, Enter, p, q, Ctrl-C, and skips unknown sequences", () => {
    expect(parseKeys("\x1b[A\x1bOBjk\rpq\x03")).toEqual(["up", "down", "down", "up", "enter", "peek", "quit", "quit"]);
    expect(parseKeys("\x1b[1;5C\x1b[15~x\x1b")).toEqual(["escape"]);
    expect(parseKeys("gG\x1b[H\x1b[F")).toEqual(["top", "bottom", "top", "bottom"]);
  });
});

describe("applyKey", () => {
  it("moves through sessions across hosts, stopping at the ends", () => {
    const snapshot = twoHosts();
    let view = { peek: false };
    const moves = ["down", "down", "down", "up", "top", "bottom"] as const;
    const seen = moves.map(
      (key) => ((view = applyKey(snapshot, view, key).view), (view as { selected?: string }).selected),
    );
    expect(seen).toEqual(["gpu1:refactor", "lab:docs", "lab:docs", "gpu1:refactor", "gpu1:fix-tests", "lab:docs"]);
  });

  it("attaches to the selected session, toggles peek, closes it on Escape, and quits", () => {
    const snapshot = twoHosts();
    expect(applyKey(snapshot, { peek: false }, "enter").attach).toBe("gpu1:fix-tests");
    expect(applyKey(snapshot, { peek: false, selected: "lab:docs" }, "enter").attach).toBe("lab:docs");
    expect(applyKey(snapshot, { peek: false }, "peek").view.peek).toBe(true);
    expect(applyKey(snapshot, { peek: true }, "escape").view.peek).toBe(false);
    expect(applyKey(snapshot, { peek: false }, "quit").quit).toBe(true);
    expect(applyKey({ at: 0, hosts: [] }, { peek: false }, "enter")).toEqual({
      view: { peek: false, message: "no session to attach to" },
    });
  });
});
