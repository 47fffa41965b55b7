import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, moor, type MoorWorld } from "../support/cli.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { holderPids, holderWorld, stopHolder, waitForHolder } from "../support/holder.js";
import { run, waitFor } from "./support/boxFiles.js";

let box: Box;
let link: FlakyLink;
let world: MoorWorld;
let pid = 0;

beforeAll(async () => {
  box = await startBox();
  link = await startFlakyLink(box.host, box.port);
  world = holderWorld();
  await addBox(world, "box", box, { port: link.port });
  await run(box, ["tmux", "new-session", "-d", "-s", "cat", "-x", "120", "-y", "24", "cat"]);
  await moor(world, ["ls"]);
  pid = (await waitForHolder(world, "box")).pid;
});

afterAll(async () => {
  await link?.setMode("up");
  await stopHolder(world, [pid]);
  for (const left of await holderPids(world)) process.kill(left, "SIGKILL");
  await link?.close();
  await box?.stop();
});

describe("a one-shot command across a short outage, through the holder", () => {
  it("moor send across 5 s of blackhole arrives exactly once, soon after the link is back, and says so with -v", async () => {
    await link.setMode("blackhole");
    const started = Date.now();
    const sending = moor(world, ["-v", "send", "box:cat", "across the outage"], { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await link.setMode("up");
    const back = Date.now();
    const sent = await sending;
    const afterBack = Date.now() - back;
    process.stdout.write(
      `send across a 5 s blackhole: ${String(Date.now() - started)} ms in all, ${String(afterBack)} ms after the link came back\n`,
    );
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toMatch(/box: (link down|no answer)/);
    const screen = await waitFor("the text on screen", async () => {
      const text = await run(box, ["tmux", "capture-pane", "-p", "-t", "=cat:"]);
      return text.split("across the outage").length - 1 >= 2 ? text : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const again = await run(box, ["tmux", "capture-pane", "-p", "-t", "=cat:"]);
    expect(again).toBe(screen);
    expect(again.split("across the outage").length - 1).toBe(2); // the tty's echo and cat's copy: once
    expect(afterBack).toBeLessThan(3_000);
  });
});
