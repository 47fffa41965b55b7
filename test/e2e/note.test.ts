import { writeFileSync } from "node:fs";
import { join } from "node:path";
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

const notes = async (target: string) => moor(world, ["note", target]);

describe("moor note", () => {
  it("prints nothing for a new session, then appends lines and replaces them, byte for byte", async () => {
    expect((await moor(world, ["new", "b:n", "--", "sleep", "500"])).code).toBe(0);
    expect(await notes("b:n")).toEqual({ code: 0, stdout: "", stderr: "" });
    const tricky = `it's "quoted" $HOME \`x\` ünï 🚀 \\n;`;
    expect((await moor(world, ["note", "b:n", "--append", tricky])).code).toBe(0);
    expect((await moor(world, ["note", "b:n", "--append", "second"])).code).toBe(0);
    expect((await notes("b:n")).stdout).toBe(`${tricky}\nsecond\n`);
    const file = join(world.home, "handover.md");
    writeFileSync(file, "# Handover\n\n- 'a' \"b\" ✓\nno final newline");
    expect((await moor(world, ["note", "b:n", "--set", file])).code).toBe(0);
    expect((await notes("b:n")).stdout).toBe("# Handover\n\n- 'a' \"b\" ✓\nno final newline");
    expect((await moor(world, ["note", "b:n", "--append", "then this"])).code).toBe(0);
    expect((await notes("b:n")).stdout).toBe("# Handover\n\n- 'a' \"b\" ✓\nno final newline\nthen this\n");
    expect((await moor(world, ["note", "b:n", "--set", "-"], { input: "from stdin ü\n" })).code).toBe(0);
    expect((await notes("b:n")).stdout).toBe("from stdin ü\n");
  });

  it("edits the notes in $EDITOR and writes them back only when changed", async () => {
    expect((await moor(world, ["new", "b:e", "--", "sleep", "500"])).code).toBe(0);
    expect((await moor(world, ["note", "b:e", "--append", "old line"])).code).toBe(0);
    const edited = await moor(world, ["note", "b:e", "--edit"], { env: { EDITOR: "sed -i s/old/new/" } });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toMatch(/saved/);
    expect((await notes("b:e")).stdout).toBe("new line\n");
    const untouched = await moor(world, ["note", "b:e", "--edit"], { env: { VISUAL: "true", EDITOR: "false" } });
    expect(untouched.code).toBe(0);
    expect(untouched.stderr).toMatch(/no change/);
  });

  it("keeps the notes after the session is killed, and works for a session moor did not create", async () => {
    expect((await moor(world, ["new", "b:k", "--", "sleep", "500"])).code).toBe(0);
    expect((await moor(world, ["note", "b:k", "--append", "continue from step 3"])).code).toBe(0);
    expect((await moor(world, ["kill", "b:k"])).code).toBe(0);
    expect((await notes("b:k")).stdout).toBe("continue from step 3\n");
    await box.exec(["tmux", "new-session", "-d", "-s", "plain"]);
    expect(await notes("b:plain")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moor(world, ["note", "b:plain", "--append", "hand-made"])).code).toBe(0);
    expect((await notes("b:plain")).stdout).toBe("hand-made\n");
  });

  it("says an unknown session is not found (exit 5) and refuses bad input (exit 2)", async () => {
    const run = await notes("b:ghost");
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/no session b:ghost/);
    expect((await moor(world, ["note", "b:ghost", "--append", "x"])).code).toBe(5);
    expect((await box.exec(["test", "-e", "/home/moor/.local/state/moor/ghost"])).exitCode).not.toBe(0);
    expect((await moor(world, ["note", "nohost:a.b"])).code).toBe(2);
    expect((await moor(world, ["note", "b:n", "--append", "x", "--edit"])).code).toBe(2);
    expect((await moor(world, ["note", "b:n", "--set", join(world.home, "missing.md")])).code).toBe(2);
  });
});
