import { describe, expect, it } from "vitest";
import { agoText, stateText } from "../../../../src/cli/overview/format.js";
import { tracked } from "../../fakes/trackedState.js";
import { formatLsTable, lsJson } from "../../../../src/cli/overview/lsTable.js";
import { makeStyle } from "../../../../src/cli/render/style.js";
import { summarizeSessions } from "../../../../src/core/overview/sessionSummary.js";
import type { HostOverview } from "../../../../src/core/overview/listHosts.js";
import { LIST_PANES_3_3A } from "../../tmux/fixtures/tmux33a.js";

const NOW = 1795552330;
const overviews: HostOverview[] = [
  { host: "box", state: "ok", sessions: summarizeSessions(LIST_PANES_3_3A, "box", { now: NOW }) },
  { host: "empty", state: "ok", sessions: [] },
  { host: "gone", state: "unreachable", sessions: [], error: "gone unreachable: connection refused", exitCode: 3 },
];

describe("moor ls rendering", () => {
  it("prints one row per session, and one row for a host with none or that failed", () => {
    expect(formatLsTable(overviews, NOW, makeStyle({ isTTY: false }, {})).split("\n")).toEqual([
      "HOST   SESSION  STATE        AGENT  ATTACHED  ACTIVITY  WIN  WINDOWS (PANE COMMANDS)",
      "box    agent-1  working      -      no        7s ago    3    agent (sleep), tests (sh), shell (bash, sleep)",
      "box    notes    shell        -      yes       6s ago    3    bash (bash), odd?name?with newline (bash), sig (sh)",
      "empty  -        no sessions",
      "gone   -        unreachable                                  gone unreachable: connection refused",
    ]);
  });

  it("has the documented JSON shape", () => {
    const json = lsJson(overviews);
    expect(
      json.hosts.map(({ host, state, error, exitCode, sessions }) => ({
        host,
        state,
        error,
        exitCode,
        count: sessions.length,
      })),
    ).toEqual([
      { host: "box", state: "ok", error: undefined, exitCode: undefined, count: 2 },
      { host: "empty", state: "ok", error: undefined, exitCode: undefined, count: 0 },
      { host: "gone", state: "unreachable", error: "gone unreachable: connection refused", exitCode: 3, count: 0 },
    ]);
    expect(Object.keys(json.hosts[0] ?? {})).toEqual(["host", "state", "sessions"]);
    expect(Object.keys(json.hosts[0]?.sessions[0] ?? {})).toEqual([
      "name",
      "status",
      "agent",
      "since",
      "reason",
      "stale",
      "command",
      "attached",
      "clients",
      "created",
      "activity",
      "windows",
    ]);
  });

  it("words states and ages", () => {
    expect([
      stateText(tracked("idle", { since: 0 }), 3_700_000),
      stateText(tracked("exited", { exitSignal: 9 }), 0),
      stateText(tracked("exited"), 0),
      stateText(tracked("exited", { exitCode: 1 }), 0),
      stateText(tracked("asking"), 0),
    ]).toEqual(["idle 1h", "exited (signal 9)", "exited", "exited 1", "asking"]);
    expect([agoText(100, 95), agoText(100, 100 + 59), agoText(100, 100 + 3 * 86_400)]).toEqual([
      "0s ago",
      "59s ago",
      "3d ago",
    ]);
  });
});
