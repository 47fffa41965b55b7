import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { run, waitFor } from "./support/boxFiles.js";

let box: Box;
let world: MoorWorld;

// A session that prints 1..count, then waits; resolved once the last number is on screen.
async function counting(name: string, count: number, extra = ""): Promise<void> {
  await run(box, [
    "tmux",
    "new-session",
    "-d",
    "-s",
    name,
    "-x",
    "80",
    "-y",
    "24",
    `seq 1 ${String(count)}; ${extra}exec sleep 100000`,
  ]);
  await waitFor(`${name} to print`, async () =>
    (await run(box, ["tmux", "capture-pane", "-p", "-t", `=${name}:`])).includes(`${String(count)}\n`)
      ? true
      : undefined,
  );
}

const numbers = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, index) => `${String(from + index)}\n`).join("");

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
  await counting("p1", 100);
});

afterAll(async () => {
  await box?.stop();
});

describe("moor peek", () => {
  it("-n 5 prints the last 5 lines, without the blank rows below", async () => {
    const result = await moor(world, ["peek", "box:p1", "-n", "5"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(numbers(96, 100));
  });

  it("prints the last 40 lines by default, reaching into the history", async () => {
    const result = await moor(world, ["peek", "box:p1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(numbers(61, 100));
  });

  it("--ansi keeps colours; without it they are gone", async () => {
    await counting("colour", 3, "printf '\\033[31mred\\033[0m\\n'; ");
    const plain = await moor(world, ["peek", "box:colour", "-n", "1"]);
    expect(plain.stdout).toBe("red\n");
    const ansi = await moor(world, ["peek", "box:colour", "-n", "1", "--ansi"]);
    expect(ansi.code).toBe(0);
    expect(ansi.stdout).toContain("\x1b[31mred");
  });

  it("is exit 5 for an unknown session, 2 for a bad count or name", async () => {
    expect((await moor(world, ["peek", "box:nosuch"])).code).toBe(5);
    expect((await moor(world, ["peek", "box:p1", "-n", "0"])).code).toBe(2);
    expect((await moor(world, ["peek", "box:p1", "-n", "x"])).code).toBe(2);
    expect((await moor(world, ["peek", "nohost:a.b"])).code).toBe(2);
  });
});
