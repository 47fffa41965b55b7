import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, MOOR_BIN, moor, type MoorRun, type MoorWorld } from "../support/cli.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { holderPids, holderState, holderWorld, stopHolder, waitForHolder } from "../support/holder.js";
import { run, waitFor } from "./support/boxFiles.js";

// Three hosts (one box behind three links of their own) under a warm holder; box3's link goes dark (every byte
// dropped, sockets open: a WiFi drop). Nothing may wait on box3 longer than a direct command would, nor at all when it
// asks only box1 or box2.
let box: Box;
const links: FlakyLink[] = [];
let world: MoorWorld;
const pids: number[] = [];

beforeAll(async () => {
  box = await startBox();
  world = holderWorld();
  for (const name of ["box1", "box2", "box3"]) {
    const link = await startFlakyLink(box.host, box.port);
    links.push(link);
    await addBox(world, name, box, { port: link.port });
  }
  await run(box, ["tmux", "new-session", "-d", "-s", "s", "-x", "120", "-y", "24", "cat"]);
  expect((await moor(world, ["ls"])).code).toBe(0);
  for (const host of ["box1", "box2", "box3"]) pids.push((await waitForHolder(world, host, 60_000)).pid);
});

afterAll(async () => {
  for (const link of links) await link.setMode("up").catch(() => undefined);
  await stopHolder(world, pids);
  for (const left of await holderPids(world)) process.kill(left, "SIGKILL");
  for (const link of links) await link.close();
  await box?.stop();
});

const dark = (): FlakyLink => links[2] as FlakyLink;
const direct = (args: string[]): Promise<MoorRun> => moor(world, args, { env: { MOOR_NO_DAEMON: "1" } });

// A run whose stderr lines are stamped with the ms since it started.
function timed(args: string[]): Promise<MoorRun & { ms: number; lines: { ms: number; text: string }[] }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [MOOR_BIN, ...args], { env: world.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const lines: { ms: number; text: string }[] = [];
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const text of parts) lines.push({ ms: Date.now() - started, text });
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: lines.map((line) => line.text).join("\n") + pending,
        ms: Date.now() - started,
        lines,
      }),
    );
  });
}

describe("a dark host under a warm holder", () => {
  it("ls answers within the direct path's time, with box3 unreachable and its last sessions stale, as a direct ls prints it", async () => {
    await dark().setMode("blackhole");
    try {
      const served = await timed(["ls"]);
      const started = Date.now();
      const alone = await direct(["ls"]);
      const directMs = Date.now() - started;
      process.stdout.write(
        `ls, box3 dark: ${String(served.ms)} ms through the holder, ${String(directMs)} ms direct\n`,
      );
      expect(served.code, served.stderr).toBe(alone.code);
      // The two runs are seconds apart: only the ages ("9s ago", "10s ago") may differ, and with them the columns' width.
      const ageless = (text: string): string => text.replace(/\d+s ago/g, "Ns ago").replace(/ +/g, " ");
      expect(ageless(served.stdout)).toBe(ageless(alone.stdout));
      expect(served.stdout).toContain("box3 unreachable: connection timed out");
      expect(served.stdout).toMatch(/box3 +s +working \(stale\)/);
      expect(served.ms).toBeLessThan(Math.max(directMs, 4_000) + 2_000);
      // The holder has not lost the other hosts.
      const state = await holderState(world);
      expect(state.hosts?.filter((host) => host.link === "up").map((host) => host.host)).toEqual(["box1", "box2"]);
    } finally {
      await dark().setMode("up");
    }
  });

  it("status and send to box3 fail as a direct run would (exit 3) and say at once that they wait; another client's commands to box1 and box2 answer meanwhile", async () => {
    await waitForHolder(world, "box3", 30_000);
    await dark().setMode("blackhole");
    try {
      const status = timed(["status", "box3:s"]);
      const send = timed(["-v", "send", "box3:s", "never delivered"]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const args of [
        ["peek", "box1:s", "-n", "1"],
        ["status", "box2:s"],
        ["ls", "box1", "box2"],
      ]) {
        const other = await timed(args);
        process.stdout.write(`${args.join(" ")} while box3 hangs: ${String(other.ms)} ms\n`);
        expect(other.code, `${args.join(" ")}: ${other.stderr}`).toBe(0);
        expect(other.ms, args.join(" ")).toBeLessThan(3_000);
      }
      const [statusRun, sendRun] = await Promise.all([status, send]);
      process.stdout.write(
        `box3 dark: status exit ${String(statusRun.code)} in ${String(statusRun.ms)} ms, send exit ${String(sendRun.code)} in ${String(sendRun.ms)} ms; send's first line at ${String(sendRun.lines[0]?.ms)} ms: ${sendRun.lines[0]?.text ?? ""}\n`,
      );
      expect(statusRun.code, statusRun.stderr).toBe(3);
      expect(statusRun.stderr).toContain("box3 unreachable");
      expect(sendRun.code, sendRun.stderr).toBe(3);
      // The direct path's words, within a second of waiting (plus Node's start-up on a busy machine).
      const waiting = sendRun.lines.find((line) => line.text.includes("box3: no answer, waiting for the link"));
      expect(waiting, sendRun.stderr).toBeDefined();
      expect(waiting?.ms).toBeLessThan(2_500);
      // Within the time the direct link takes to call box3 unreachable (4 attempts of 10 s, 2.1 s of backoff).
      expect(statusRun.ms).toBeLessThan(42_100 + 5_000);
    } finally {
      await dark().setMode("up");
    }
    // Given up on, the text is never typed, not even once the link is back.
    await waitForHolder(world, "box3", 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await run(box, ["tmux", "capture-pane", "-p", "-t", "=s:"])).not.toContain("never delivered");
    await waitFor("box3 answering again", async () =>
      (await moor(world, ["status", "box3:s"])).code === 0 ? true : undefined,
    );
  }, 120_000);
});
