import { describe, expect, it } from "vitest";
import { diffSnapshots } from "../../../../src/core/overview/watchEvents.js";
import type { HostView, WatchedSession, WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { observation, tracked } from "../../fakes/trackedState.js";

const session = (name: string, line: string, fields: Partial<WatchedSession> = {}): WatchedSession => ({
  name,
  clients: 0,
  created: 1_700_000_000,
  activity: 1_700_000_100,
  state: tracked("working", {
    agent: "claude",
    since: 1_700_000_050_000,
    reason: "its busy line says esc to interrupt",
  }),
  command: "claude",
  paneId: "%0",
  paneActivity: 1_700_000_100,
  observation: observation(),
  windows: [{ index: 0, name: "agent", panes: [{ id: "%0", index: 0, command: "claude", state: tracked("working") }] }],
  line,
  lines: [line],
  ...fields,
});
const host = (name: string, fields: Partial<HostView> = {}): HostView => ({
  host: name,
  link: { kind: "up", since: 5 },
  polled: true,
  sessions: [],
  ...fields,
});
const snap = (at: number, ...hosts: HostView[]): WatchSnapshot => ({ at, hosts });

describe("diffSnapshots", () => {
  it("describes everything at first: a link event per host, a session event per session", () => {
    const events = diffSnapshots(
      undefined,
      snap(
        1000,
        host("a", { sessions: [session("s1", "hello")] }),
        host("b", { link: { kind: "connecting", attempt: 1 }, polled: false }),
      ),
    );
    expect(events).toEqual([
      { type: "link", host: "a", at: 1000, kind: "up", since: 5 },
      {
        type: "session",
        host: "a",
        session: "s1",
        at: 1000,
        status: "working",
        agent: "claude",
        since: "2023-11-14T22:14:10.000Z",
        reason: "its busy line says esc to interrupt",
        stale: false,
        command: "claude",
        attached: false,
        clients: 0,
        created: "2023-11-14T22:13:20.000Z",
        activity: "2023-11-14T22:15:00.000Z",
        windows: [{ index: 0, name: "agent", panes: [{ id: "%0", index: 0, command: "claude", status: "working" }] }],
        line: "hello",
      },
      { type: "link", host: "b", at: 1000, kind: "connecting", attempt: 1 },
    ]);
  });

  it("then sends only changes: a new line, a status, a link state, a removed session, a host error", () => {
    const before = snap(1000, host("a", { sessions: [session("s1", "hello"), session("s2", "x")] }), host("b"));
    const after = snap(
      3000,
      host("a", { sessions: [session("s1", "world", { state: tracked("exited", { exitCode: 2 }) })] }),
      host("b", {
        link: { kind: "down", since: 2000, lastContact: 1500, reason: "Keepalive timeout" },
        error: "tmux is not installed on b",
      }),
    );
    expect(diffSnapshots(before, after)).toEqual([
      expect.objectContaining({
        type: "session",
        host: "a",
        session: "s1",
        status: "exited",
        exitCode: 2,
        line: "world",
      }),
      { type: "removed", host: "a", session: "s2", at: 3000 },
      { type: "link", host: "b", at: 3000, kind: "down", since: 2000, lastContact: 1500, reason: "Keepalive timeout" },
      { type: "host", host: "b", at: 3000, error: "tmux is not installed on b" },
    ]);
    expect(diffSnapshots(after, { ...after, at: 5000 })).toEqual([]);
  });

  it("keeps a down host's sessions (no removed events) in their last state, marked stale with the last contact", () => {
    const before = snap(1000, host("a", { sessions: [session("s1", "hello")], lastContact: 900 }));
    const down = snap(
      2000,
      host("a", {
        link: { kind: "retrying", attempt: 2, nextDelayMs: 800, nextAt: 2800, reason: "connection refused" },
        sessions: [session("s1", "hello")],
        lastContact: 900,
      }),
    );
    const events = diffSnapshots(before, down);
    expect(events.map((event) => event.type)).toEqual(["link", "session"]);
    expect(events[1]).toMatchObject({ status: "working", stale: true, lastContact: "1970-01-01T00:00:00.900Z" });
    expect(diffSnapshots(down, { ...down, at: 3000 })).toEqual([]);
    expect(diffSnapshots(undefined, snap(1, host("c", { polled: false })))).toEqual([
      { type: "link", host: "c", at: 1, kind: "up", since: 5 },
    ]);
  });
});
