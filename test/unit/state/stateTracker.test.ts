import { describe, expect, it } from "vitest";
import { agentRules, StateTracker, type PaneObservation } from "../../../src/state/index.js";

const T0 = 1_000_000_000;
const claude = (
  screen: string[] | undefined,
  activityMs: number,
  extra: Partial<PaneObservation> = {},
): PaneObservation => ({
  command: "claude",
  startCommand: "claude",
  title: "",
  dead: false,
  deadStatus: undefined,
  deadSignal: undefined,
  activity: Math.floor(activityMs / 1000),
  screen,
  ...extra,
});
const BUSY = ["✻ Thinking… (esc to interrupt)", "> "];
const PROMPT = ["● Done.", "> "];
const ASK = ["Do you want to proceed?", "❯ 1. Yes"];

describe("StateTracker", () => {
  it("shows a rise at once, and a drop only once it held for the debounce", () => {
    const tracker = new StateTracker(agentRules(), { debounceMs: 600 });
    expect(tracker.observe("%1", claude(PROMPT, T0 - 60_000), T0)).toMatchObject({
      state: "waiting",
      since: T0 - 60_000,
    });
    expect(tracker.observe("%1", claude(BUSY, T0 + 1_000), T0 + 1_000)).toMatchObject({
      state: "working",
      since: T0 + 1_000,
    });
    // The busy line vanished for one redraw.
    expect(tracker.observe("%1", claude(PROMPT, T0 + 2_000), T0 + 2_000).state).toBe("working");
    expect(tracker.pending("%1")).toBe(true);
    expect(tracker.observe("%1", claude(BUSY, T0 + 3_000), T0 + 3_000)).toMatchObject({
      state: "working",
      since: T0 + 1_000,
    });
    expect(tracker.pending("%1")).toBe(false);
    // Now for real: shown once read twice, 600 ms apart, dated from the first reading.
    expect(tracker.observe("%1", claude(PROMPT, T0 + 4_000), T0 + 4_000).state).toBe("working");
    expect(tracker.observe("%1", claude(PROMPT, T0 + 4_000), T0 + 4_500).state).toBe("working");
    expect(tracker.observe("%1", claude(undefined, T0 + 4_000), T0 + 4_600)).toMatchObject({
      state: "waiting",
      since: T0 + 4_000,
    });
  });

  it("keeps the last screen while the pane prints nothing, and shows a dialog or an exit at once", () => {
    const tracker = new StateTracker(agentRules());
    tracker.observe("%1", claude(BUSY, T0), T0);
    expect(tracker.observe("%1", claude(ASK, T0 + 1_000), T0 + 1_000).state).toBe("asking");
    expect(tracker.observe("%1", claude(undefined, T0 + 1_000), T0 + 9_000)).toMatchObject({
      state: "asking",
      since: T0 + 1_000,
    });
    expect(
      tracker.observe("%1", claude(undefined, T0 + 1_000, { dead: true, deadStatus: 0 }), T0 + 10_000),
    ).toMatchObject({ state: "exited", exitCode: 0, since: T0 + 10_000 });
  });

  it("forgets panes that are gone", () => {
    const tracker = new StateTracker(agentRules());
    tracker.observe("%1", claude(ASK, T0), T0);
    tracker.keepOnly(new Set(["%2"]));
    // Seen fresh: no memory of the screen, so activity decides.
    expect(tracker.observe("%1", claude(undefined, T0), T0).state).toBe("working");
  });
});
