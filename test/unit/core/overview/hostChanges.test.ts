import { describe, expect, it } from "vitest";
import { controlChanges, pollChanges } from "../../../../src/core/overview/hostChanges.js";
import { hostUnreachableError } from "../../../../src/errors.js";
import { listPanesArgv } from "../../../../src/tmux/list.js";
import { parseTmuxVersion, type TmuxVersion } from "../../../../src/tmux/version.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeControlLink } from "./fakeControl.js";
import { flush } from "./fakeTmux.js";

function setup(version = "tmux 3.3a") {
  const clock = new FakeClock();
  const link = new FakeControlLink();
  link.set({ kind: "up", since: clock.now() });
  link.answer = (line) => ({ lines: line.startsWith("'list-panes'") ? ["row"] : [] });
  const execs: string[][] = [];
  let versions = 0;
  const changes = controlChanges({
    link,
    clock,
    intervalMs: 1_000,
    version: (): Promise<TmuxVersion> => {
      versions++;
      return Promise.resolve(parseTmuxVersion(version));
    },
    run: (argv) => {
      execs.push([...argv]);
      return Promise.resolve("exec\n");
    },
  });
  let wakes = 0;
  const start = async () => {
    changes.start(() => wakes++);
    for (let i = 0; i < 5; i++) await flush();
  };
  return { clock, link, changes, execs, start, wakes: () => wakes, versions: () => versions };
}

describe("controlChanges on tmux >= 3.2", () => {
  it("starts one control client, subscribes, wakes on what tmux pushes, and reads over it without run-shell", async () => {
    const { link, changes, execs, start, wakes } = setup();
    await start();
    expect(changes.source).toBe("control");
    expect(link.channels).toHaveLength(1);
    expect(link.channel?.lines[1]).toMatch(/^'refresh-client' '-B' 'moor::#\{S:/);
    expect(wakes()).toBe(1);
    link.channel?.push("%subscription-changed moor $1 - - - : a:%0 2 0 t;|");
    link.channel?.push("%sessions-changed");
    link.channel?.push("%window-renamed @1 x");
    await flush();
    expect(wakes()).toBe(3);
    expect(await changes.run(listPanesArgv())).toBe("row\n");
    expect(link.channel?.lines.at(-1)).toMatch(/^'list-panes' '-a' '-F' /);
    expect(link.channel?.lines.some((line) => line.includes("run-shell"))).toBe(false);
    expect(execs).toEqual([]);
  });

  it("shows the host down while the client is gone with the link up, and starts it again a second later", async () => {
    const { clock, link, changes, start, wakes, versions } = setup();
    await start();
    const states: string[] = [];
    changes.link.events.on("state", (state) => states.push(state.kind));
    link.channel?.end();
    await flush();
    const down = changes.link.state;
    expect(down.kind).toBe("down");
    expect(down.kind === "down" ? down.reason : "").toContain("tmux control client");
    await expect(changes.run(listPanesArgv())).rejects.toMatchObject({ exitCode: 3 });
    clock.advance(1_000);
    for (let i = 0; i < 5; i++) await flush();
    expect(link.channels).toHaveLength(2);
    expect(changes.link.state.kind).toBe("up");
    expect(states).toEqual(["down", "up"]);
    expect(wakes()).toBe(2);
    // The version was asked once: a restart costs no tmux -V.
    expect(versions()).toBe(1);
  });

  it("waits for the link to come back when the client dropped with it, and starts it on 'up'", async () => {
    const { clock, link, start } = setup();
    await start();
    link.set({ kind: "down", since: clock.now(), lastContact: clock.now(), reason: "reset" });
    link.channel?.close();
    await flush();
    link.refuse = hostUnreachableError("not connected");
    clock.advance(3_000);
    await flush();
    expect(link.channels).toHaveLength(1);
    link.refuse = undefined;
    link.set({ kind: "up", since: clock.now() });
    for (let i = 0; i < 5; i++) await flush();
    expect(link.channels).toHaveLength(2);
  });

  it("closes its client on stop: the channel's stdin ends, so tmux destroys the helper", async () => {
    const { changes, link, start } = setup();
    await start();
    changes.stop();
    await flush();
    expect(link.channel?.stdin.writableEnded).toBe(true);
    expect(link.channel?.closed).toBe(true);
  });
});

describe("controlChanges on tmux 3.1", () => {
  it("keeps the poll: a wake every interval, each read a tmux call of its own, no control client", async () => {
    const { clock, link, changes, execs, start, wakes } = setup("tmux 3.1c");
    await start();
    expect(changes.source).toBe("poll");
    expect(link.channels).toHaveLength(0);
    expect(wakes()).toBe(1);
    clock.advance(3_000);
    expect(wakes()).toBe(4);
    expect(await changes.run(listPanesArgv())).toBe("exec\n");
    expect(execs).toEqual([listPanesArgv()]);
    changes.stop();
    clock.advance(3_000);
    expect(wakes()).toBe(4);
  });
});

describe("pollChanges", () => {
  it("wakes at once and then every interval until stopped", () => {
    const clock = new FakeClock();
    const link = new FakeControlLink();
    let wakes = 0;
    const changes = pollChanges(link, () => Promise.resolve(""), clock, 500);
    changes.start(() => wakes++);
    clock.advance(1_000);
    changes.stop();
    clock.advance(1_000);
    expect(wakes).toBe(3);
    expect(changes.source).toBe("poll");
  });
});
