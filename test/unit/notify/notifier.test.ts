import { describe, expect, it } from "vitest";
import type { NotificationText } from "../../../src/notify/message.js";
import { deliveryChange } from "../../../src/notify/deliveryChange.js";
import { Notifier } from "../../../src/notify/notifier.js";
import type { NotifyRule } from "../../../src/notify/notifyRule.js";
import type { ProgramOutcome } from "../../../src/notify/runProgram.js";
import type { ObservedSession, StateChange } from "../../../src/notify/stateChange.js";
import { FakeClock } from "../fakes/fakeClock.js";

const session = (name: string, state: string, extra: Partial<ObservedSession> = {}): ObservedSession => ({
  host: "gpu1",
  session: name,
  state,
  agent: "claude",
  reason: `${name} ${state}`,
  excerpt: ["last line"],
  ...extra,
});

function bed(
  rule: Partial<NotifyRule> = {},
  outcome: () => Promise<ProgramOutcome> = () => Promise.resolve(undefined),
) {
  const clock = new FakeClock();
  const bursts: NotificationText[] = [];
  const commands: StateChange[] = [];
  const problems: string[] = [];
  const notifier = new Notifier({
    clock,
    rule: () => ({ states: ["asking", "waiting", "exited"], mute: { targets: [], hosts: [] }, ...rule }),
    channels: {
      burst: [{ name: "terminal", via: "the bell", send: (text) => (bursts.push(text), Promise.resolve(undefined)) }],
      perChange: [{ name: "command", via: "log", send: (change) => (commands.push(change), outcome()) }],
      absent: [],
    },
    report: (problem) => problems.push(problem),
  });
  return { clock, notifier, bursts, commands, problems };
}

describe("Notifier", () => {
  it("never notifies for the states already there at the first poll", () => {
    const { clock, notifier, bursts, commands } = bed();
    notifier.observe("gpu1", [session("a", "asking"), session("b", "exited")]);
    notifier.observe("gpu1", [session("a", "asking"), session("b", "exited")]);
    clock.advance(5_000);
    expect(bursts).toEqual([]);
    expect(commands).toEqual([]);
  });

  it("notifies once per change into asking, waiting after working, or exited", () => {
    const { clock, notifier, bursts, commands } = bed();
    notifier.observe("gpu1", [session("a", "working")]);
    notifier.observe("gpu1", [session("a", "asking", { reason: "Allow edit to app.ts?" })]);
    notifier.observe("gpu1", [session("a", "asking")]);
    clock.advance(2_000);
    notifier.observe("gpu1", [session("a", "working")]);
    notifier.observe("gpu1", [session("a", "waiting")]);
    clock.advance(2_000);
    notifier.observe("gpu1", [session("a", "idle")]);
    notifier.observe("gpu1", [session("a", "waiting")]);
    notifier.observe("gpu1", [session("a", "exited")]);
    clock.advance(2_000);
    expect(commands.map((change) => `${change.previous}>${change.state}`)).toEqual([
      "working>asking",
      "working>waiting",
      "waiting>exited",
    ]);
    expect(commands[0]).toMatchObject({
      target: "gpu1:a",
      host: "gpu1",
      session: "a",
      agent: "claude",
      reason: "Allow edit to app.ts?",
      excerpt: ["last line"],
    });
    expect(bursts).toHaveLength(3);
    expect(bursts[0]).toEqual({
      title: "moor: gpu1:a is asking",
      body: "claude on gpu1, session a: Allow edit to app.ts?",
    });
  });

  it("notifies for a session that appears after the first poll", () => {
    const { notifier, commands } = bed();
    notifier.observe("gpu1", []);
    notifier.observe("gpu1", [session("new", "asking")]);
    expect(commands.map((change) => [change.target, change.previous])).toEqual([["gpu1:new", undefined]]);
  });

  it("keeps to notify.states", () => {
    const { notifier, commands } = bed({ states: ["exited"] });
    notifier.observe("gpu1", [session("a", "working")]);
    notifier.observe("gpu1", [session("a", "asking")]);
    notifier.observe("gpu1", [session("a", "exited")]);
    expect(commands.map((change) => change.state)).toEqual(["exited"]);
  });

  it("stays quiet for muted sessions and hosts", () => {
    const { clock, notifier, bursts, commands } = bed({ mute: { targets: ["gpu1:a"], hosts: ["lab"] } });
    notifier.observe("gpu1", [session("a", "working"), session("b", "working")]);
    notifier.observe("lab", [session("c", "working", { host: "lab" })]);
    notifier.observe("gpu1", [session("a", "asking"), session("b", "working")]);
    notifier.observe("lab", [session("c", "asking", { host: "lab" })]);
    clock.advance(5_000);
    expect(commands).toEqual([]);
    expect(bursts).toEqual([]);
    notifier.observe("gpu1", [session("a", "asking"), session("b", "asking")]);
    expect(commands.map((change) => change.target)).toEqual(["gpu1:b"]);
  });

  it("makes one terminal notification of a burst, naming every change, while the command runs once per change", () => {
    const { clock, notifier, bursts, commands } = bed();
    notifier.observe("gpu1", [session("a", "working"), session("b", "working"), session("c", "working")]);
    notifier.observe("gpu1", [session("a", "asking"), session("b", "working"), session("c", "working")]);
    clock.advance(700);
    notifier.observe("gpu1", [
      session("a", "asking"),
      session("b", "exited", { reason: "exited with status 3" }),
      session("c", "waiting"),
    ]);
    expect(commands).toHaveLength(3);
    expect(bursts).toEqual([]);
    clock.advance(900);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.title).toBe("moor: 3 sessions need you");
    expect(bursts[0]?.body.split("\n")).toEqual([
      "gpu1:a is asking (claude on gpu1, session a: a asking)",
      "gpu1:b exited (claude on gpu1, session b: exited with status 3)",
      "gpu1:c is waiting for you (claude on gpu1, session c: c waiting)",
    ]);
    clock.advance(10_000);
    expect(bursts).toHaveLength(1);
  });

  it("reports a failing channel once, and never waits for it", async () => {
    const never = new Promise<ProgramOutcome>(() => undefined);
    let calls = 0;
    const { notifier, commands, problems } = bed({}, () =>
      ++calls === 1 ? never : Promise.resolve("sh exited with status 1"),
    );
    notifier.observe("gpu1", [session("a", "working")]);
    notifier.observe("gpu1", [session("a", "asking")]);
    notifier.observe("gpu1", [session("a", "exited")]);
    notifier.observe("gpu1", [session("a", "asking")]);
    expect(commands).toHaveLength(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(problems).toEqual(["notification by command failed: sh exited with status 1"]);
  });

  it("sends what is gathered when flushed", () => {
    const { notifier, bursts } = bed();
    notifier.observe("gpu1", [session("a", "working")]);
    notifier.observe("gpu1", [session("a", "asking")]);
    notifier.flush();
    expect(bursts).toHaveLength(1);
  });

  it("announces a queued prompt's delivery once (state sent), unless its session or host is muted", () => {
    const delivered = deliveryChange({
      host: "gpu1",
      session: "fix",
      target: "gpu1:fix",
      previous: "waiting",
      agent: "claude",
      text: "then run the linter\nand the tests",
      at: 5,
    });
    const { clock, notifier, bursts, commands } = bed();
    notifier.announce(delivered);
    clock.advance(2_000);
    expect(commands).toMatchObject([
      { state: "sent", target: "gpu1:fix", reason: "queued prompt typed: then run the linter" },
    ]);
    expect(bursts).toEqual([
      {
        title: "moor: gpu1:fix got its queued prompt",
        body: "claude on gpu1, session fix: queued prompt typed: then run the linter",
      },
    ]);
    for (const mute of [
      { targets: ["gpu1:fix"], hosts: [] },
      { targets: [], hosts: ["gpu1"] },
    ]) {
      const muted = bed({ mute });
      muted.notifier.announce(delivered);
      muted.clock.advance(2_000);
      expect(muted.commands).toEqual([]);
      expect(muted.bursts).toEqual([]);
    }
  });
});
