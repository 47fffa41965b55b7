import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const hasSession = async (name: string) => (await box.exec(["tmux", "has-session", "-t", `=${name}`])).exitCode === 0;

describe("moor kill", () => {
  it("says an unknown session is not found (exit 5), with or without a tmux server", async () => {
    const noServer = await moor(world, ["kill", "b:ghost"]);
    expect(noServer.code).toBe(5);
    expect(noServer.stderr).toMatch(/b:ghost/);
    expect((await moor(world, ["new", "b:other", "--", "sleep", "100"])).code).toBe(0);
    expect((await moor(world, ["kill", "b:ghost"])).code).toBe(5);
    expect(await hasSession("other")).toBe(true);
  });

  it("ends one session and keeps its state folder", async () => {
    expect((await moor(world, ["new", "b:one", "--", "sh", "-c", "echo hi; sleep 100"])).code).toBe(0);
    expect((await moor(world, ["note", "b:one", "--append", "keep me"])).code).toBe(0);
    const run = await moor(world, ["kill", "b:one"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("killed b:one");
    expect(await hasSession("one")).toBe(false);
    const files = (await box.exec(["ls", "/home/moor/.local/state/moor/one"])).stdout.trim().split("\n");
    expect(files.sort()).toEqual(["ended", "launched", "notes.md", "output.log", "spec.json"]);
  });

  it("refuses HOST alone, --all without --yes, and bad names (exit 2)", async () => {
    const hostOnly = await moor(world, ["kill", "b"]);
    expect(hostOnly.code).toBe(2);
    expect(hostOnly.stderr).toMatch(/--all --yes/);
    const noYes = await moor(world, ["kill", "b", "--all"]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/add --yes/);
    expect((await moor(world, ["kill", "b:x", "--all", "--yes"])).code).toBe(2);
    for (const target of ["nohost:a.b", "nohost:-x", "nohost:"])
      expect((await moor(world, ["kill", target])).code).toBe(2);
    expect(await hasSession("other")).toBe(true);
  });

  it("ends every session of a host with --all --yes", async () => {
    expect((await moor(world, ["new", "b:two", "--", "sleep", "100"])).code).toBe(0);
    const run = await moor(world, ["kill", "b", "--all", "--yes", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ host: "b", killed: ["other", "two"] });
    expect(await hasSession("other")).toBe(false);
    // moor ended them: none of the sessions moor started comes back as gone.
    const listed = await moor(world, ["ls", "b", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(/"gone"/);
    const again = await moor(world, ["kill", "b", "--all", "--yes"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("no sessions on b\n");
  });
});
