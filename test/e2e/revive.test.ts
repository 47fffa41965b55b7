import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";

let box: Box;
let world: MoorWorld;

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "b", box);
});

afterAll(async () => {
  await box?.stop();
});

async function inBox(cmd: string[]): Promise<string> {
  const result = await box.exec(cmd);
  if (result.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed in the box: ${result.output}`);
  return result.stdout;
}

const log = (session: string) => inBox(["cat", `/home/moor/.local/state/moor/${session}/output.log`]);
const starts = async (session: string) =>
  (await log(session)).split("\n").filter((line) => line.startsWith("start-")).length;
// The first window's name follows its running command (tmux's automatic-rename, which lags), so it is
// left out; the named window keeps its name.
const windows = (session: string) =>
  inBox([
    "tmux",
    "list-windows",
    "-t",
    `=${session}`,
    "-F",
    "#{window_index}|#{?#{==:#{window_index},0},-,#{window_name}}|#{pane_current_path}|#{pane_dead}",
  ]);

describe("moor revive", () => {
  it("brings back a killed session with its command, cwd and windows; the log is appended to", async () => {
    const created = await moor(world, [
      "new",
      "b:agent",
      "--cwd",
      "/tmp",
      "--window",
      "side=sleep 500",
      "--",
      "sh",
      "-c",
      "echo start-$$; sleep 500",
    ]);
    expect(created.code).toBe(0);
    await vi.waitFor(async () => expect(await starts("agent")).toBe(1), { timeout: 5_000 });
    const before = await windows("agent");
    expect((await moor(world, ["kill", "b:agent"])).code).toBe(0);
    const run = await moor(world, ["revive", "b:agent"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("revived b:agent");
    await vi.waitFor(async () => expect(await starts("agent")).toBe(2), { timeout: 5_000 });
    expect(await windows("agent")).toBe(before);
    expect(before).toContain("1|side|/tmp|0");
  });

  it("brings sessions back after the tmux server was killed", async () => {
    expect((await moor(world, ["new", "b:again", "--", "sh", "-c", "echo start-$$; sleep 500"])).code).toBe(0);
    await vi.waitFor(async () => expect(await starts("again")).toBe(1), { timeout: 5_000 });
    await inBox(["tmux", "kill-server"]);
    const run = await moor(world, ["revive", "b:again", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({
      target: "b:again",
      command: ["sh", "-c", "echo start-$$; sleep 500"],
    });
    await vi.waitFor(async () => expect(await starts("again")).toBe(2), { timeout: 5_000 });
  });

  it("refuses a session that still exists (exit 2) and one never recorded (exit 5)", async () => {
    expect((await moor(world, ["new", "b:alive", "--", "sleep", "500"])).code).toBe(0);
    const alive = await moor(world, ["revive", "b:alive"]);
    expect(alive.code).toBe(2);
    expect(alive.stderr).toMatch(/already exists/);
    const unknown = await moor(world, ["revive", "b:never"]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/no recorded spec for b:never/);
    await inBox(["tmux", "new-session", "-d", "-s", "plain"]);
    await inBox(["tmux", "kill-session", "-t", "=plain"]);
    expect((await moor(world, ["revive", "b:plain"])).code).toBe(5);
    expect((await moor(world, ["revive", "nohost:a.b"])).code).toBe(2);
    expect((await moor(world, ["revive", "b"])).code).toBe(2);
  });
});
