import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../src/errors.js";
import { HostLink } from "../../../src/link/hostLink.js";
import type { LinkState } from "../../../src/link/linkState.js";
import { FakeClock } from "../fakes/fakeClock.js";
import { FakeSession } from "../fakes/fakeSession.js";

const refused = (): Error => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const fastRetry = { retries: 5, minDelayMs: 1, maxDelayMs: 2, factor: 2 };

function recordStates(link: HostLink): LinkState["kind"][] {
  const kinds: LinkState["kind"][] = [];
  link.events.on("state", (state) => kinds.push(state.kind));
  return kinds;
}

describe("HostLink", () => {
  it("shares one connection among concurrent commands and quotes argv once", async () => {
    let connects = 0;
    const session = new FakeSession();
    const link = new HostLink({
      label: "box",
      retry: fastRetry,
      connect: () => (connects++, Promise.resolve(session)),
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => link.exec(["echo", `it's ${i}`])));
    expect(connects).toBe(1);
    expect(session.commands).toHaveLength(30);
    expect(session.commands).toContain(`echo 'it'\\''s 7'`);
    link.close();
  });

  it("retries transient failures with backoff, reporting each retry", async () => {
    let attempts = 0;
    const link = new HostLink({
      label: "box",
      retry: fastRetry,
      connect: () => (++attempts < 3 ? Promise.reject(refused()) : Promise.resolve(new FakeSession())),
    });
    const states = recordStates(link);
    await link.exec(["true"]);
    expect(attempts).toBe(3);
    expect(states).toEqual(["connecting", "retrying", "connecting", "retrying", "connecting", "up"]);
    link.close();
  });

  it("never retries a fatal failure and gives its exit code", async () => {
    let attempts = 0;
    const link = new HostLink({
      label: "box",
      retry: fastRetry,
      connect: () => (attempts++, Promise.reject(new MoorError("host key changed", ExitCode.auth))),
    });
    await expect(link.exec(["true"])).rejects.toMatchObject({ exitCode: ExitCode.auth });
    expect(attempts).toBe(1);
    expect(link.state).toMatchObject({ kind: "failed", exitCode: ExitCode.auth });
  });

  it("throws a bug in moor unchanged (exit 1 at the CLI), never as exit 3", async () => {
    const bug = new TypeError("spec.port is undefined");
    const link = new HostLink({ label: "box", retry: fastRetry, connect: () => Promise.reject(bug) });
    await expect(link.exec(["true"])).rejects.toBe(bug);
    expect(link.state).toMatchObject({ kind: "failed", exitCode: ExitCode.internal });
  });

  it.each([0, 1_000])(
    "closes a session that arrives after close() (stagger %i ms) rather than leaking it",
    async (staggerMs) => {
      const session = new FakeSession();
      let arrive: (session: FakeSession) => void = () => undefined;
      const link = new HostLink({
        label: "box",
        retry: fastRetry,
        staggerMs,
        connect: () => new Promise((resolve) => (arrive = resolve)),
      });
      const connecting = link.session();
      await new Promise((resolve) => setImmediate(resolve));
      link.close();
      arrive(session);
      await expect(connecting).rejects.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      await expect(session.exec("true")).rejects.toMatchObject({ message: "Not connected" });
    },
  );

  it("gives up with exit 3 when the retry budget runs out", async () => {
    const link = new HostLink({
      label: "box",
      retry: { ...fastRetry, retries: 2 },
      connect: () => Promise.reject(refused()),
    });
    await expect(link.exec(["true"])).rejects.toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "box unreachable: connection refused",
    });
  });

  it("reports down when the connection drops and reconnects by itself when asked to", async () => {
    const sessions: FakeSession[] = [];
    const link = new HostLink({
      label: "box",
      retry: fastRetry,
      reconnect: true,
      connect: () => {
        const session = new FakeSession();
        sessions.push(session);
        return Promise.resolve(session);
      },
    });
    const states = recordStates(link);
    await link.exec(["true"]);
    sessions[0]?.drop();
    await link.exec(["true"]);
    expect(sessions).toHaveLength(2);
    expect(states).toEqual(["connecting", "up", "down", "connecting", "up"]);
    expect(sessions[1]?.commands).toEqual(["true"]);
    link.close();
  });

  it("marks the link quiet when nothing arrives, and up again when bytes do", async () => {
    const clock = new FakeClock();
    const session = new FakeSession(() => ({}), clock.now());
    const link = new HostLink({
      label: "box",
      retry: fastRetry,
      clock,
      quietAfterMs: 3_000,
      connect: () => Promise.resolve(session),
    });
    await link.session();
    clock.advance(2_500);
    expect(link.state.kind).toBe("up");
    clock.advance(1_000);
    expect(link.state).toEqual({ kind: "quiet", lastContact: 1_000_000 });
    session.contact = clock.now();
    clock.advance(500);
    expect(link.state.kind).toBe("up");
    link.close();
  });

  it("retryNow cuts a long backoff wait short", async () => {
    let attempts = 0;
    const link = new HostLink({
      label: "box",
      retry: { retries: 10, minDelayMs: 60_000, maxDelayMs: 60_000, factor: 1 },
      connect: () => (++attempts === 1 ? Promise.reject(refused()) : Promise.resolve(new FakeSession())),
    });
    const retrying = new Promise<void>((resolve) => link.events.on("state", (s) => s.kind === "retrying" && resolve()));
    const connected = link.session();
    await retrying;
    link.retryNow();
    await connected;
    expect(attempts).toBe(2);
    link.close();
  });

  it("fails a command cut by a drop with exit 3 and does not rerun it", async () => {
    const session = new FakeSession();
    const link = new HostLink({ label: "box", retry: fastRetry, connect: () => Promise.resolve(session) });
    await link.session();
    session.drop();
    const fresh = new FakeSession(() => {
      throw Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    });
    const link2 = new HostLink({ label: "box2", retry: fastRetry, connect: () => Promise.resolve(fresh) });
    await expect(link2.exec(["tmux", "-u", "send-keys"])).rejects.toMatchObject({ exitCode: ExitCode.unreachable });
    link.close();
    link2.close();
  });
});
