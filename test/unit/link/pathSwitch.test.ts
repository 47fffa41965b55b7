import { describe, expect, it } from "vitest";
import { HostLink } from "../../../src/link/hostLink.js";
import type { LinkState } from "../../../src/link/linkState.js";
import { probeVerdict } from "../../../src/link/pathProbe.js";
import { pingKeepalive } from "../../../src/link/sshHostLink.js";
import type { SshSession } from "../../../src/ssh/types.js";
import { FakeClock } from "../fakes/fakeClock.js";
import { FakeSession } from "../fakes/fakeSession.js";

interface PendingConnect {
  signal: AbortSignal;
  resolve: (session: SshSession) => void;
  reject: (error: Error) => void;
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// A reconnecting link on fake time whose connections the test hands out one by one.
async function probingLink(): Promise<{
  link: HostLink;
  clock: FakeClock;
  old: FakeSession;
  connects: PendingConnect[];
  states: LinkState[];
}> {
  const clock = new FakeClock();
  const connects: PendingConnect[] = [];
  const link = new HostLink({
    label: "box",
    retry: { retries: Number.POSITIVE_INFINITY, minDelayMs: 1, maxDelayMs: 2, factor: 2 },
    reconnect: true,
    quietAfterMs: 3_000,
    probeAfterMs: 1_200,
    clock,
    connect: (signal) => new Promise((resolve, reject) => connects.push({ signal, resolve, reject })),
  });
  const states: LinkState[] = [];
  link.events.on("state", (state) => states.push(state));
  const old = new FakeSession(() => ({}), clock.now());
  const up = link.session();
  await flush();
  connects[0]?.resolve(old);
  await up;
  return { link, clock, old, connects, states };
}

describe("HostLink: a second path beside a silent one", () => {
  it("switches to a new connection that completes while the old one stays silent (a roam)", async () => {
    const { link, clock, old, connects, states } = await probingLink();
    clock.advance(1_000);
    expect(connects).toHaveLength(1);
    clock.advance(500);
    expect(connects).toHaveLength(2);
    const fresh = new FakeSession(() => ({}), clock.now());
    clock.advance(2_000);
    connects[1]?.resolve(fresh);
    await flush();
    expect(link.state).toMatchObject({
      kind: "up",
      switchedPath: { trigger: "silence", silentMs: 3_500, at: clock.now() },
    });
    expect(old.destroyed).toBe(true);
    expect(states.map((state) => state.kind)).toEqual(["connecting", "up", "quiet", "up"]);
    await link.exec(["tmux", "ls"]);
    expect(fresh.commands).toEqual(["tmux ls"]);
    expect(old.commands).toEqual([]);
    link.close();
  });

  it("keeps the old connection when it is heard from before the new one completes (a stall), and closes the new", async () => {
    const { link, clock, old, connects, states } = await probingLink();
    clock.advance(1_500);
    expect(connects).toHaveLength(2);
    clock.advance(2_000);
    old.contact = clock.now();
    clock.advance(300);
    const fresh = new FakeSession(() => ({}), clock.now());
    connects[1]?.resolve(fresh);
    await flush();
    expect(link.state).toMatchObject({ kind: "up" });
    expect(link.state).not.toHaveProperty("switchedPath");
    expect(old.destroyed).toBe(false);
    await expect(fresh.exec("true")).rejects.toThrow("Not connected");
    expect(states.map((state) => state.kind)).toEqual(["connecting", "up", "quiet", "up"]);
    link.close();
  });

  it("never runs more than one extra connection at a time, and tries again after one fails", async () => {
    const { link, clock, connects } = await probingLink();
    clock.advance(1_500);
    clock.advance(3_000);
    expect(connects).toHaveLength(2);
    connects[1]?.reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }));
    await flush();
    clock.advance(250);
    expect(connects).toHaveLength(3);
    link.close();
    expect(connects[2]?.signal.aborted).toBe(true);
  });

  it("drops the probe when the old connection goes down first, and reconnects as before", async () => {
    const { link, clock, old, connects, states } = await probingLink();
    clock.advance(1_500);
    expect(connects).toHaveLength(2);
    old.drop();
    expect(connects[1]?.signal.aborted).toBe(true);
    expect(states.slice(-2).map((state) => state.kind)).toEqual(["down", "connecting"]);
    await flush();
    expect(connects).toHaveLength(3);
    link.close();
  });

  it("tries a new path at once when the laptop's network changes, and says so", async () => {
    const { link, clock, old, connects } = await probingLink();
    clock.advance(300);
    link.retryNow();
    expect(connects).toHaveLength(2);
    clock.advance(700);
    connects[1]?.resolve(new FakeSession(() => ({}), clock.now()));
    await flush();
    expect(link.state).toMatchObject({ kind: "up", switchedPath: { trigger: "network", silentMs: 1_000 } });
    expect(old.destroyed).toBe(true);
    link.close();
  });

  it("keeps a healthy connection when the network changes but the old path still answers", async () => {
    const { link, clock, old, connects } = await probingLink();
    link.retryNow();
    clock.advance(200);
    old.contact = clock.now();
    connects[1]?.resolve(new FakeSession(() => ({}), clock.now()));
    await flush();
    expect(link.state).not.toHaveProperty("switchedPath");
    expect(old.destroyed).toBe(false);
    link.close();
  });

  it("waits longer before the next probe on a link whose normal gaps set one off (a long round trip)", async () => {
    const { link, clock, old, connects } = await probingLink();
    clock.advance(1_300);
    expect(connects).toHaveLength(2);
    clock.advance(200);
    old.contact = clock.now(); // a 1.5 s gap: a slow answer, not a fault
    connects[1]?.resolve(new FakeSession(() => ({}), clock.now()));
    await flush();
    clock.advance(2_000);
    expect(connects).toHaveLength(2);
    clock.advance(500);
    expect(connects).toHaveLength(3);
    link.close();
  });

  it("never probes a link that does not reconnect (one-shot commands)", async () => {
    const clock = new FakeClock();
    let connects = 0;
    const link = new HostLink({
      label: "box",
      retry: { retries: 0, minDelayMs: 1, maxDelayMs: 2, factor: 2 },
      probeAfterMs: 1_200,
      clock,
      connect: () => (connects++, Promise.resolve(new FakeSession(() => ({}), clock.now()))),
    });
    await link.session();
    clock.advance(10_000);
    link.retryNow();
    expect(connects).toBe(1);
    link.close();
  });
});

describe("probeVerdict", () => {
  it("switches only when the old connection said nothing since the probe began", () => {
    expect(probeVerdict(999, 1_000)).toBe("switch");
    expect(probeVerdict(1_000, 1_000)).toBe("keep");
    expect(probeVerdict(1_500, 1_000)).toBe("keep");
  });
});

describe("pingKeepalive", () => {
  const spec = { label: "box", hostname: "h", port: 22, user: "u", identityFiles: [] };
  it("pings more often but gives up after the same silence as the host's keepalive settings", () => {
    expect(pingKeepalive({ ...spec, keepaliveIntervalMs: 2_000, keepaliveCountMax: 2 })).toMatchObject({
      keepaliveIntervalMs: 400,
      keepaliveCountMax: 14,
    });
    expect(pingKeepalive({ ...spec, keepaliveIntervalMs: 15_000, keepaliveCountMax: 3 })).toMatchObject({
      keepaliveIntervalMs: 400,
      keepaliveCountMax: 149,
    });
    expect(pingKeepalive({ ...spec, keepaliveIntervalMs: 300, keepaliveCountMax: 5 })).toMatchObject({
      keepaliveIntervalMs: 300,
      keepaliveCountMax: 5,
    });
  });
});
