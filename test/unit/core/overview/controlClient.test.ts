import { describe, expect, it } from "vitest";
import { ControlClient } from "../../../../src/core/overview/controlClient.js";
import { ExitCode } from "../../../../src/errors.js";
import type { ControlEvent } from "../../../../src/tmux/control/controlEvents.js";
import { controlClientArgv } from "../../../../src/tmux/control/controlCommands.js";
import { FakeControlLink } from "./fakeControl.js";
import { flush } from "./fakeTmux.js";

async function started(link = new FakeControlLink()) {
  const events: ControlEvent[] = [];
  const ended: string[] = [];
  const client = await ControlClient.start(link, {
    onEvent: (event) => events.push(event),
    onEnd: (reason) => ended.push(reason),
  });
  return { link, client, events, ended, channel: link.channel! };
}

describe("ControlClient", () => {
  it("starts tmux -C on the helper and answers each command with the reply its line caused, in order", async () => {
    const link = new FakeControlLink();
    link.answer = (line) => ({ lines: [`out of ${line}`] });
    const { client, channel } = await started(link);
    expect(channel.argv).toEqual(controlClientArgv(channel.argv[6] ?? ""));
    expect(channel.argv[6]).toMatch(/^_moor-control-[0-9a-f]{8}$/);
    const [one, two] = await Promise.all([
      client.run(["list-panes", "-a"]),
      client.run(["display-message", "-p", "x y"]),
    ]);
    expect(one).toEqual(["out of 'list-panes' '-a'"]);
    expect(two).toEqual(["out of 'display-message' '-p' 'x y'"]);
  });

  it("runs a chain as one line per command, and prints their output as one tmux client would", async () => {
    const link = new FakeControlLink();
    link.answer = (line) => ({ lines: line.includes("capture") ? ["row 1", "row 2"] : ["listed"] });
    const { client, channel } = await started(link);
    const out = await client.runAll([
      ["list-panes", "-a"],
      ["capture-pane", "-p", "-t", "%1"],
    ]);
    expect(out).toBe("listed\nrow 1\nrow 2\n");
    expect(channel.lines.slice(1)).toEqual(["'list-panes' '-a'", "'capture-pane' '-p' '-t' '%1'"]);
  });

  it("turns a %error into moor's error: a pane that is gone is not found (exit 5)", async () => {
    const link = new FakeControlLink();
    link.answer = (line) => (line.includes("%9") ? { ok: false, lines: ["can't find pane: %9"] } : { lines: ["ok"] });
    const { client } = await started(link);
    await expect(client.run(["capture-pane", "-p", "-t", "%9"])).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
    });
    await expect(
      client.runAll([
        ["capture-pane", "-t", "%9"],
        ["display-message", "-p", "x"],
      ]),
    ).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
    });
    expect(await client.run(["display-message", "-p", "x"])).toEqual(["ok"]);
  });

  it("hands on notifications, and on %exit fails what is waiting as unreachable (exit 3) and ends once", async () => {
    const link = new FakeControlLink();
    link.answer = (line) => (line.includes("slow") ? { lines: [] } : { lines: [] });
    const { client, channel, events, ended } = await started(link);
    channel.push("%subscription-changed moor $1 - - - : a:%0 1 0 t;|");
    channel.push("%sessions-changed");
    await flush();
    expect(events.map((event) => event.kind)).toEqual(["subscription-changed", "sessions-changed"]);
    channel.stdin.removeAllListeners("data"); // the server stops answering
    const waiting = client.run(["display-message", "-p", "slow"]);
    channel.end();
    await expect(waiting).rejects.toMatchObject({ exitCode: ExitCode.unreachable });
    await flush();
    expect(ended).toHaveLength(1);
    expect(client.ended).toBe(true);
    await expect(client.run(["display-message"])).rejects.toMatchObject({ exitCode: ExitCode.unreachable });
  });

  it("closes by ending its stdin, which is what makes tmux detach it and destroy the unattached helper", async () => {
    const { client, channel, ended } = await started();
    client.close();
    await flush();
    expect(channel.stdin.writableEnded).toBe(true);
    expect(channel.closed).toBe(true);
    expect(ended).toEqual(["closed"]);
  });
});
