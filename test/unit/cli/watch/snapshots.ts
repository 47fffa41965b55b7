import type { HostView, WatchedSession, WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { makeStyle } from "../../../../src/cli/render/style.js";
import { observation, tracked } from "../../fakes/trackedState.js";

export const NOW = 1_700_000_000_000;
export const plain = makeStyle({ isTTY: false }, {});
export const colour = makeStyle({ isTTY: true }, {});
export const timeOfDay = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

export function session(name: string, line: string, fields: Partial<WatchedSession> = {}): WatchedSession {
  return {
    name,
    clients: 0,
    created: NOW / 1000 - 3_600,
    activity: NOW / 1000 - 5,
    state: tracked("working", { agent: "claude", since: NOW - 60_000 }),
    command: "claude",
    paneId: "%0",
    paneActivity: NOW / 1000 - 5,
    observation: observation(),
    windows: [{ index: 0, name: "agent", panes: [] }],
    line,
    lines: [`${line} -2`, `${line} -1`, line],
    ...fields,
  };
}

export function host(name: string, fields: Partial<HostView> = {}): HostView {
  return { host: name, link: { kind: "up", since: NOW - 60_000 }, polled: true, sessions: [], ...fields };
}

// Two hosts: gpu1 up with an agent working and one that exited; lab lost 12 s ago and retrying.
export function twoHosts(): WatchSnapshot {
  return {
    at: NOW,
    hosts: [
      host("gpu1", {
        sessions: [
          session("fix-tests", "Running tests… 41 passed", { clients: 1 }),
          session("refactor", "Done.", {
            state: tracked("exited", { agent: "claude", exitCode: 0, since: NOW - 300_000 }),
            activity: NOW / 1000 - 300,
          }),
        ],
      }),
      host("lab", {
        link: { kind: "retrying", attempt: 2, nextDelayMs: 2_000, nextAt: NOW + 1_500, reason: "connection refused" },
        downSince: NOW - 12_000,
        sessions: [
          session("docs", "writing README.md", {
            state: tracked("idle", { since: NOW - 720_000 }),
            activity: NOW / 1000 - 720,
          }),
        ],
      }),
    ],
  };
}
