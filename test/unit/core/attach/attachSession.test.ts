import { describe, expect, it } from "vitest";
import { attachSession, type AttachSessionOptions } from "../../../../src/core/attach/attachSession.js";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeLink, FakeTerminal, flush } from "./attachFakes.js";

const ARGV = ["tmux", "-u", "attach-session", "-t", "=s1"];

function setup(overrides: Partial<AttachSessionOptions> = {}) {
  const link = new FakeLink();
  const terminal = new FakeTerminal();
  const clock = new FakeClock();
  const sleeps: number[] = [];
  let exists = true;
  const outcome = attachSession({
    link,
    terminal,
    argv: ARGV,
    target: "box:s1",
    reconnect: true,
    targetExists: () => Promise.resolve(exists),
    clock,
    sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
    ...overrides,
  });
  return { link, terminal, clock, sleeps, outcome, gone: () => (exists = false) };
}

describe("attachSession", () => {
  it("runs tmux attach in a pty of the terminal's size, passing output, keys and resizes through", async () => {
    const { link, terminal, outcome } = setup();
    const channel = await link.opened(1);
    expect(channel.argv).toEqual(ARGV);
    expect(channel.pty).toEqual({ rows: 30, cols: 100, term: "xterm-kitty" });
    expect(terminal.mode).toBe("raw");
    channel.print("\x1b[Htick 1");
    terminal.type("ls\r");
    terminal.rows = 40;
    terminal.input.emit("resize");
    await flush();
    expect(terminal.output).toBe("\x1b[Htick 1");
    expect(channel.typed).toEqual(["ls\r"]);
    expect(channel.resizes).toEqual([[40, 100]]);
    channel.finish(0, "\x1b[?1049l[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });
    expect(terminal.mode).toBe("cooked");
    expect(terminal.restoredClean).toBe(true);
  });

  it("ends with 'ended' when tmux says [exited] or the session is gone", async () => {
    const first = setup();
    (await first.link.opened(1)).finish(0, "[exited]\r\n");
    await expect(first.outcome).resolves.toEqual({ kind: "ended" });

    const second = setup();
    second.gone();
    (await second.link.opened(1)).finish(1, "can't find session: s1\r\n");
    await expect(second.outcome).resolves.toEqual({ kind: "ended" });
  });

  it("reports a refusal by tmux as a remote failure (exit 6) while the session exists", async () => {
    const { link, outcome, terminal } = setup();
    (await link.opened(1)).finish(1, "sessions should be nested with care\r\n");
    await expect(outcome).rejects.toMatchObject({
      exitCode: ExitCode.remote,
      message: expect.stringContaining("sessions should be nested with care") as unknown,
    });
    expect(terminal.restoredClean).toBe(false);
  });

  it("shows a banner when the link goes quiet, re-attaches once it is back, and drops keys typed meanwhile", async () => {
    const { link, terminal, clock, outcome } = setup();
    const first = await link.opened(1);
    link.setState({ kind: "quiet", lastContact: clock.now() - 3_200 });
    expect(terminal.banners.at(-1)).toEqual({ host: "box", silentSeconds: 3, down: false, reconnecting: true });
    clock.advance(1_000);
    expect(terminal.banners.at(-1)).toMatchObject({ silentSeconds: 4 });
    terminal.type("lost while quiet");
    link.setState({ kind: "down", since: clock.now(), lastContact: clock.now() - 4_200, reason: "Keepalive timeout" });
    expect(first.closed).toBe(true);
    expect(terminal.banners.at(-1)).toMatchObject({ down: true, silentSeconds: 4 });
    link.setState({ kind: "connecting", attempt: 1 });
    terminal.type("lost while down");
    clock.advance(2_000);
    expect(terminal.banners.at(-1)).toMatchObject({ silentSeconds: 6 });
    link.setState({ kind: "up", since: clock.now() });
    const second = await link.opened(2);
    await flush();
    expect(terminal.bannerShown).toBe(false);
    expect(terminal.streams).toBe(2);
    terminal.type("x");
    expect(first.typed).toEqual([]);
    expect(second.typed).toEqual(["x"]);
    second.finish(0, "[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });
  });

  it("rides out a quiet spell without re-attaching, and has tmux repaint the banner's row", async () => {
    const { link, terminal, clock, outcome } = setup();
    const channel = await link.opened(1);
    link.setState({ kind: "quiet", lastContact: clock.now() - 3_100 });
    expect(terminal.bannerShown).toBe(true);
    link.setState({ kind: "up", since: clock.now() });
    expect(terminal.bannerShown).toBe(false);
    expect(channel.resizes).toEqual([
      [30, 99],
      [30, 100],
    ]);
    await flush();
    expect(link.channels).toHaveLength(1);
    channel.finish(0, "[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });
  });

  it("re-opens a channel that closed without an exit status while the link stayed up", async () => {
    const { link, sleeps, outcome } = setup();
    (await link.opened(1)).cut();
    const second = await link.opened(2);
    expect(sleeps).toEqual([500]);
    second.finish(0, "[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });
  });

  it("with reconnect off, exits 3 on a drop and restores the terminal", async () => {
    const { link, terminal, clock, outcome } = setup({ reconnect: false });
    await link.opened(1);
    link.setState({ kind: "quiet", lastContact: clock.now() - 3_000 });
    expect(terminal.banners.at(-1)).toMatchObject({ reconnecting: false });
    link.setState({ kind: "down", since: clock.now(), lastContact: clock.now() - 6_000, reason: "Keepalive timeout" });
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MoorError);
    expect(error).toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "the link to box dropped; left box:s1 (--no-reconnect)",
    });
    expect(terminal.mode).toBe("cooked");
    expect(terminal.restoredClean).toBe(false);
  });

  it("tries again with xterm-256color when the remote has no terminfo for the local TERM", async () => {
    const { link, outcome } = setup();
    (await link.opened(1)).finish(1, "open terminal failed: missing or unsuitable terminal: xterm-kitty\r\n");
    const second = await link.opened(2);
    expect(second.pty?.term).toBe("xterm-256color");
    second.finish(0, "[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });
  });

  it("stops on abort (a signal), closing the channel, and also while waiting for the link", async () => {
    const controller = new AbortController();
    const { link, terminal, outcome } = setup({ signal: controller.signal });
    const channel = await link.opened(1);
    controller.abort();
    await expect(outcome).resolves.toEqual({ kind: "interrupted" });
    expect(channel.closed).toBe(true);
    expect(terminal.restoredClean).toBe(false);

    const waiting = new AbortController();
    const held = setup({ signal: waiting.signal });
    held.link.setState({ kind: "retrying", attempt: 2, nextDelayMs: 1_000, nextAt: 0, reason: "connection refused" });
    await flush();
    waiting.abort();
    await expect(held.outcome).resolves.toEqual({ kind: "interrupted" });
  });

  it("keeps trying when opening fails because the link dropped, and gives up on anything else", async () => {
    const link = new FakeLink();
    let calls = 0;
    const open = link.open.bind(link);
    link.open = (argv, options) =>
      ++calls === 1
        ? Promise.reject(new MoorError("the link to box dropped", ExitCode.unreachable))
        : open(argv, options);
    const { outcome } = {
      outcome: attachSession({
        link,
        terminal: new FakeTerminal(),
        argv: ARGV,
        target: "box:s1",
        reconnect: true,
        targetExists: () => Promise.resolve(true),
        clock: new FakeClock(),
        sleep: () => Promise.resolve(),
      }),
    };
    (await link.opened(1)).finish(0, "[detached (from session s1)]\r\n");
    await expect(outcome).resolves.toEqual({ kind: "detached" });

    const fatal = new FakeLink();
    fatal.open = () => Promise.reject(new MoorError("host key changed", ExitCode.auth));
    const failing = attachSession({
      link: fatal,
      terminal: new FakeTerminal(),
      argv: ARGV,
      target: "box:s1",
      reconnect: true,
      targetExists: () => Promise.resolve(true),
    });
    await expect(failing).rejects.toMatchObject({ exitCode: ExitCode.auth });
  });
});
