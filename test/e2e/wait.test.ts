import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { run } from "./support/boxFiles.js";

let box: Box;
let world: MoorWorld;

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
  await run(box, ["tmux", "new-session", "-d", "-s", "plain"]);
  await run(box, ["tmux", "set-option", "-g", "remain-on-exit", "on"]);
});

afterAll(async () => {
  await box?.stop();
});

describe("moor wait", () => {
  it("blocks until the session's command exits, then prints the target and its state", async () => {
    await run(box, ["tmux", "new-session", "-d", "-s", "s", "sh -c 'sleep 3; exit 4'"]);
    const started = Date.now();
    const result = await moor(world, ["wait", "box:s", "--for", "exited"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("box:s exited\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    const json = await moor(world, ["wait", "box:s", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      target: "box:s",
      status: "exited",
      exitCode: 4,
      agent: null,
      stale: false,
    });
  });

  it("exits 7 when the timeout passes before a wanted state", async () => {
    const started = Date.now();
    const result = await moor(world, ["wait", "box:plain", "--for", "asking", "--timeout", "2"]);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("timed out");
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("refuses bad input before connecting (exit 2), and a missing session or host (exit 5)", async () => {
    const bad = await moor(world, ["wait", "box:bad.name"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid session name");
    const state = await moor(world, ["wait", "box:plain", "--for", "asleep"]);
    expect(state.code).toBe(2);
    expect(state.stderr).toContain("asking, waiting, working, idle, exited, gone, shell");
    expect((await moor(world, ["wait", "nohost:s"])).code).toBe(5);
    const missing = await moor(world, ["wait", "box:nosuch", "--timeout", "20"]);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain(`no session "nosuch"`);
  });
});
