import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { followArgv, followLog, type FollowEvent } from "../../../../src/core/sessions/followLog.js";
import { EscapeStripper } from "../../../../src/text/escapes.js";
import { FakeLogRemote, settle } from "./fakeLogRemote.js";

const PATH = ".local/state/moor/s1/output.log";

function start(remote: FakeLogRemote, options: { from?: number; stripper?: EscapeStripper } = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const controller = new AbortController();
  const events: FollowEvent[] = [];
  const done = followLog({
    source: remote,
    path: PATH,
    target: "box:s1",
    from: options.from ?? 0,
    out,
    signal: controller.signal,
    onEvent: (event) => events.push(event),
    sleep: () => settle(1),
    ...(options.stripper === undefined ? {} : { stripper: options.stripper }),
  });
  return { done, events, stop: () => controller.abort(), output: () => Buffer.concat(chunks) };
}

// A small deterministic generator, so a failing case can be replayed.
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe("followArgv", () => {
  it("starts tail at the byte after the offset, following the name", () => {
    expect(followArgv(PATH, 0)).toEqual(["tail", "-c", "+1", "-F", PATH]);
    expect(followArgv(PATH, 1234)).toEqual(["tail", "-c", "+1235", "-F", PATH]);
  });
});

describe("followLog", () => {
  it("reopens after a drop at the byte after the last one received: nothing lost, nothing repeated", async () => {
    const remote = new FakeLogRemote();
    remote.append("line 1\nline 2\n");
    const follow = start(remote, { from: 7 });
    await settle();
    expect(remote.opens).toEqual([followArgv(PATH, 7)]);
    remote.append("line 3\nline 4\n");
    remote.channel?.deliver(10);
    await settle();
    remote.channel?.drop();
    await settle();
    expect(remote.opens.at(-1)).toEqual(followArgv(PATH, 17));
    remote.channel?.deliver();
    await settle();
    follow.stop();
    expect(await follow.done).toBe(remote.file.length);
    expect(follow.output().toString()).toBe("line 2\nline 3\nline 4\n");
    expect(follow.events.map((event) => event.kind)).toEqual(["down", "resumed"]);
  });

  it("keeps trying while the link is down, then resumes once with the right offset", async () => {
    const remote = new FakeLogRemote();
    const follow = start(remote);
    await settle();
    remote.append("abc");
    remote.channel?.deliver(2);
    remote.down = true;
    remote.channel?.drop();
    await settle(20);
    remote.append("def");
    remote.down = false;
    await settle();
    remote.channel?.deliver();
    await settle();
    follow.stop();
    await follow.done;
    expect(remote.opens.map((argv) => argv[2])).toEqual(["+1", "+3"]);
    expect(follow.output().toString()).toBe("abcdef");
    expect(follow.events.map((event) => event.kind)).toEqual(["down", "resumed"]);
  });

  it("delivers a byte-identical copy through many random drops", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const remote = new FakeLogRemote();
      const follow = start(remote);
      await settle();
      for (let step = 0; step < 200; step++) {
        remote.append(Buffer.from(Array.from({ length: next(40) }, () => next(256))));
        remote.channel?.deliver(next(60));
        if (next(10) === 0) remote.channel?.drop();
        await settle(3);
      }
      remote.channel?.deliver();
      await settle();
      follow.stop();
      expect(await follow.done).toBe(remote.file.length);
      expect(follow.output().equals(remote.file)).toBe(true);
    }
  });

  it("strips escape sequences split across chunks and drops while counting raw bytes", async () => {
    const remote = new FakeLogRemote();
    const follow = start(remote, { stripper: new EscapeStripper() });
    await settle();
    remote.append("a\x1b[1;3");
    remote.channel?.deliver();
    await settle();
    remote.channel?.drop();
    await settle();
    remote.append("1mb\x1b[0m\r\n");
    remote.channel?.deliver();
    await settle();
    follow.stop();
    expect(await follow.done).toBe(remote.file.length);
    expect(follow.output().toString()).toBe("ab\r\n");
  });

  it("starts over from the file's start when it shrank while the link was down", async () => {
    const remote = new FakeLogRemote();
    remote.append("old old old\n");
    const follow = start(remote, { from: remote.file.length });
    await settle();
    remote.channel?.drop();
    remote.file = Buffer.from("new\n");
    await settle();
    remote.channel?.deliver();
    await settle();
    follow.stop();
    await follow.done;
    expect(remote.opens.at(-1)).toEqual(followArgv(PATH, 0));
    expect(follow.output().toString()).toBe("new\n");
    expect(follow.events.map((event) => event.kind)).toEqual(["down", "restarted", "resumed"]);
  });

  it("counts from the new file's start when tail reports it truncated", async () => {
    const remote = new FakeLogRemote();
    const follow = start(remote);
    await settle();
    remote.channel?.stderr.write("tail: .local/state/moor/s1/output.log: file truncated\n");
    await settle();
    remote.append("xyz");
    remote.channel?.deliver();
    await settle();
    follow.stop();
    expect(await follow.done).toBe(3);
    expect(follow.events).toEqual([
      { kind: "restarted", reason: "tail: .local/state/moor/s1/output.log: file truncated" },
    ]);
  });

  it("fails with exit 6 when tail itself fails", async () => {
    const remote = new FakeLogRemote();
    const follow = start(remote);
    await settle();
    remote.channel?.fail(1, "tail: cannot open 'x': Permission denied\n");
    await expect(follow.done).rejects.toMatchObject({
      exitCode: ExitCode.remote,
      message: expect.stringMatching(/Permission denied/) as unknown,
    });
  });

  it("passes on errors that are not a dropped link", async () => {
    const remote = new FakeLogRemote();
    remote.open = () => Promise.reject(new MoorError("auth failed", ExitCode.auth));
    await expect(start(remote).done).rejects.toMatchObject({ exitCode: ExitCode.auth });
  });

  it("stops at once when aborted while the link is down", async () => {
    const remote = new FakeLogRemote();
    remote.open = () => new Promise(() => undefined);
    const follow = start(remote, { from: 5 });
    await settle();
    follow.stop();
    expect(await follow.done).toBe(5);
  });
});
