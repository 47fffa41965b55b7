import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { run, waitFor } from "./support/boxFiles.js";

let box: Box;
let world: MoorWorld;
const COUNT = 1500;

const numbers = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, index) => `${String(from + index)}\n`).join("");

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
  await run(box, [
    "tmux",
    "new-session",
    "-d",
    "-s",
    "c1",
    "-x",
    "80",
    "-y",
    "24",
    `seq 1 ${String(COUNT)}; exec sleep 100000`,
  ]);
  await waitFor("c1 to print", async () =>
    (await run(box, ["tmux", "capture-pane", "-p", "-t", "=c1:"])).includes(`${String(COUNT)}\n`) ? true : undefined,
  );
});

afterAll(async () => {
  await box?.stop();
});

describe("moor capture", () => {
  it("--all -o FILE writes the whole history to the file, atomically (no temporary file left)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "moor-capture-"));
    const file = join(dir, "c1.txt");
    writeFileSync(file, "old content\n");
    const result = await moor(world, ["capture", "box:c1", "--all", "-o", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`moor: saved ${String(COUNT)} lines of box:c1 to ${file}\n`);
    expect(readFileSync(file, "utf8")).toBe(numbers(1, COUNT));
    expect(readdirSync(dir)).toEqual(["c1.txt"]);
  });

  // Failed before the fix: the file came back 0644.
  it("-o over a private (0600) file keeps it private", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "moor-capture-")), "private.txt");
    writeFileSync(file, "secret\n", { mode: 0o600 });
    const result = await moor(world, ["capture", "box:c1", "-o", file]);
    expect(result.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(numbers(COUNT - 22, COUNT));
  });

  it("prints the visible screen by default, and -S N adds N lines of history above it", async () => {
    const screen = await moor(world, ["capture", "box:c1"]);
    expect(screen.code).toBe(0);
    expect(screen.stderr).toBe("");
    expect(screen.stdout).toBe(numbers(COUNT - 22, COUNT));
    const more = await moor(world, ["capture", "box:c1", "-S", "10"]);
    expect(more.stdout).toBe(numbers(COUNT - 32, COUNT));
  });

  it("refuses -S with --all, and an unwritable -o, with exit 2 and no file", async () => {
    expect((await moor(world, ["capture", "box:c1", "-S", "5", "--all"])).code).toBe(2);
    const missingDir = join(tmpdir(), "moor-no-such-dir", "x.txt");
    const result = await moor(world, ["capture", "box:c1", "-o", missingDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(missingDir);
  });

  it("is exit 5 for an unknown session", async () => {
    expect((await moor(world, ["capture", "box:nosuch", "--all"])).code).toBe(5);
  });
});
