import { createServer, type Server } from "node:net";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, moor, type MoorRun, type MoorWorld } from "../support/cli.js";
import { holderPids, holderState, holderWorld, isAlive, stopHolder, waitForHolder } from "../support/holder.js";
import { holderPaths } from "../../src/holder/paths.js";
import { recorded, run, startRecorder } from "./support/boxFiles.js";

let box: Box;
const worlds: MoorWorld[] = [];
const seen: number[] = [];

function world(): MoorWorld {
  const made = holderWorld();
  worlds.push(made);
  return made;
}

async function registered(): Promise<MoorWorld> {
  const made = world();
  await addBox(made, "box", box);
  return made;
}

const direct = (w: MoorWorld, args: string[], input?: string): Promise<MoorRun> =>
  moor(w, args, { env: { MOOR_NO_DAEMON: "1" }, ...(input === undefined ? {} : { input }) });
const same = (run: MoorRun) => ({ code: run.code, stdout: run.stdout, stderr: run.stderr });

async function warm(w: MoorWorld): Promise<number> {
  await moor(w, ["ls"]);
  const state = await waitForHolder(w, "box");
  seen.push(state.pid);
  return state.pid;
}

beforeAll(async () => {
  box = await startBox();
  await run(box, ["tmux", "new-session", "-d", "-s", "h1", "-x", "80", "-y", "24", "seq 1 30; exec sleep 100000"]);
});

afterAll(async () => {
  for (const w of worlds) await stopHolder(w, seen);
  for (const w of worlds) {
    for (const pid of await holderPids(w)) process.kill(pid, "SIGKILL");
    const paths = holderPaths({ configDir: w.configDir, knownHostsFile: w.knownHosts, home: w.home }, w.env);
    for (const file of [paths.socket, paths.lock]) rmSync(file, { force: true });
  }
  await box?.stop();
});

describe("the background holder", () => {
  it("serves one-shot commands with the same output and exit codes as a direct run", async () => {
    const w = await registered();
    await warm(w);
    const commands: string[][] = [
      ["peek", "box:h1", "-n", "3"],
      ["capture", "box:h1"],
      ["peek", "box:nosuch"],
      ["note", "box:h1", "--append", "from the holder"],
      ["note", "box:h1"],
      ["kill", "box:nosuch"],
      ["send", "box:nosuch", "x"],
      ["peek", "nohost:h1"],
    ];
    for (const args of commands) {
      const served = await moor(w, args);
      const alone = await direct(w, args);
      expect(same(served), args.join(" ")).toEqual(same(alone));
    }
    const ls = await moor(w, ["ls", "--json"]);
    expect(ls.code).toBe(0);
    // `since` is when the state began, read from tmux's one-second activity clock: two runs may differ by a second.
    const timeless = (stdout: string): unknown => JSON.parse(stdout.replace(/"since":"[^"]*"/g, '"since":""'));
    expect(timeless(ls.stdout)).toEqual(timeless((await direct(w, ["ls", "--json"])).stdout));
    const state = await holderState(w);
    expect(state.hosts?.find((host) => host.host === "box")?.link).toBe("up");
    // Every one-shot verb was run whole by the holder for the thin client.
    const log = readFileSync(
      holderPaths({ configDir: w.configDir, knownHostsFile: w.knownHosts, home: w.home }, w.env).log,
      "utf8",
    );
    for (const verb of ["peek", "ls", "send", "capture", "note", "kill"])
      expect(log, verb).toMatch(new RegExp(`ran ${verb} for a client: exit \\d+`));
  });

  it("gives a usage error of a command it runs whole on the client's stderr, as a direct run does (exit 2)", async () => {
    const w = await registered();
    await warm(w);
    const usage = await moor(w, ["ls", "--state", "bogus"]);
    expect(same(usage)).toEqual(same(await direct(w, ["ls", "--state", "bogus"])));
    expect(usage.code).toBe(2);
  });

  it("sends text exactly once through the holder", async () => {
    const w = await registered();
    await warm(w);
    await run(box, ["tmux", "new-session", "-d", "-s", "h2", "-x", "80", "-y", "24", "cat"]);
    const sent = await moor(w, ["send", "box:h2", "once through the holder"]);
    expect(sent).toMatchObject({ code: 0, stderr: "" });
    const screen = await run(box, ["tmux", "capture-pane", "-p", "-t", "=h2:"]);
    expect(screen.split("once through the holder").length - 1).toBe(2); // the echo and cat's copy
  });

  it("sends a 120 KB non-ASCII text exactly through a warm holder, whatever byte a socket read ends on", async () => {
    const w = await registered();
    await warm(w);
    // Prefixes of 0 to 3 bytes move every two-byte é across the holder's socket reads (it read them chunk by chunk
    // and turned a split character into two U+FFFD).
    for (const prefix of [0, 1, 2, 3]) {
      const text = `${"x".repeat(prefix)}${"é".repeat(60_000)}`;
      const path = await startRecorder(box, `big${String(prefix)}`);
      const sent = await moor(w, ["send", `box:big${String(prefix)}`, "--no-enter", text]);
      expect(sent, `prefix ${String(prefix)}`).toMatchObject({ code: 0, stderr: "" });
      const got = await recorded(box, path, Buffer.byteLength(text));
      expect(
        got.equals(Buffer.from(text)),
        `prefix ${String(prefix)}: ${String(got.length)} bytes, U+FFFD ${String(got.toString().split("\uFFFD").length - 1)} times`,
      ).toBe(true);
    }
    const log = readFileSync(
      holderPaths({ configDir: w.configDir, knownHostsFile: w.knownHosts, home: w.home }, w.env).log,
      "utf8",
    );
    expect(log.match(/ran send for a client: exit 0/g)?.length).toBe(4);
  });

  it("forwards standard input to a run that reads it: send - and note --set - run whole in the holder", async () => {
    const w = await registered();
    await warm(w);
    const text = "from standard input: é日本\n".repeat(2_000);
    const path = await startRecorder(box, "fromstdin");
    const sent = await moor(w, ["send", "box:fromstdin", "--no-enter", "-"], { input: text });
    expect(sent).toMatchObject({ code: 0, stderr: "" });
    expect((await recorded(box, path, Buffer.byteLength(text))).equals(Buffer.from(text))).toBe(true);
    const set = await moor(w, ["note", "box:fromstdin", "--set", "-"], { input: "notes from stdin é\n" });
    expect(set.code, set.stderr).toBe(0);
    expect(same(await moor(w, ["note", "box:fromstdin"]))).toEqual(same(await direct(w, ["note", "box:fromstdin"])));
    expect((await moor(w, ["note", "box:fromstdin"])).stdout).toContain("notes from stdin é");
    const log = readFileSync(
      holderPaths({ configDir: w.configDir, knownHostsFile: w.knownHosts, home: w.home }, w.env).log,
      "utf8",
    );
    expect(log).toMatch(/ran send for a client: exit 0/);
    expect(log.match(/ran note for a client: exit 0/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("falls back to a direct connection when the holder is killed, and the next command starts a fresh one", async () => {
    const w = await registered();
    const pid = await warm(w);
    process.kill(pid, "SIGKILL");
    const peek = await moor(w, ["peek", "box:h1", "-n", "1"]);
    expect(peek).toMatchObject({ code: 0, stdout: "30\n", stderr: "" });
    const fresh = await waitForHolder(w);
    seen.push(fresh.pid);
    expect(fresh.pid).not.toBe(pid);
  });

  it("starts one holder when two cold commands race", async () => {
    const w = await registered();
    const [a, b] = await Promise.all([moor(w, ["ls"]), moor(w, ["ls"])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const state = await waitForHolder(w);
    seen.push(state.pid);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await holderPids(w)).toEqual([state.pid]);
  });

  it("goes direct past a stale socket and a holder of another version", async () => {
    const w = await registered();
    const paths = holderPaths({ configDir: w.configDir, knownHostsFile: w.knownHosts, home: w.home }, w.env);
    // Stale: a socket file nobody listens on.
    await moor(w, ["daemon", "status"]);
    const stale: Server = createServer();
    await new Promise<void>((resolve) => stale.listen(paths.socket, resolve));
    await new Promise<void>((resolve) => stale.close(() => resolve()));
    writeFileSync(paths.socket, "");
    expect(await moor(w, ["peek", "box:h1", "-n", "1"])).toMatchObject({ code: 0, stdout: "30\n" });
    const first = await waitForHolder(w);
    seen.push(first.pid);
    await moor(w, ["daemon", "stop"]);
    // Another version: something at the socket that answers hello as moor 0.0.1.
    rmSync(paths.socket, { force: true });
    // The command hangs up on it (ECONNRESET here): not an error of the test's.
    const other = createServer((socket) =>
      socket
        .on("error", () => undefined)
        .on("data", () =>
          socket.write(`${JSON.stringify({ id: 0, kind: "hello", protocol: 1, version: "0.0.1", pid: 1 })}\n`),
        ),
    );
    await new Promise<void>((resolve) => other.listen(paths.socket, resolve));
    try {
      expect(await moor(w, ["peek", "box:h1", "-n", "1"])).toMatchObject({ code: 0, stdout: "30\n" });
      const fresh = await waitForHolder(w);
      seen.push(fresh.pid);
      expect(fresh.version).not.toBe("0.0.1");
    } finally {
      other.close();
    }
  });

  it("forgets a removed host and refuses a changed host key", async () => {
    const w = await registered();
    await warm(w);
    expect((await moor(w, ["host", "rm", "box"])).code).toBe(0);
    const removed = await moor(w, ["peek", "box:h1"]);
    expect(same(removed)).toEqual(same(await direct(w, ["peek", "box:h1"])));
    expect(removed.code).toBe(5);
    await addBox(w, "box", box);
    expect((await moor(w, ["peek", "box:h1", "-n", "1"])).code).toBe(0);
    // Another key for the box in known_hosts: the warm link must not be trusted any more.
    const other = readFileSync(w.knownHosts, "utf8").replaceAll(
      box.hostKey.base64,
      "AAAAC3NzaC1lZDI1NTE5AAAAIDvbG8kRrQ3wFz0c7m1o2j4C9w7cR2pM3ZQfA1e4nS9X",
    );
    writeFileSync(w.knownHosts, other);
    const changed = await moor(w, ["peek", "box:h1", "-n", "1"]);
    expect(changed.code).toBe(4);
    expect(same(changed)).toEqual(same(await direct(w, ["peek", "box:h1", "-n", "1"])));
  });

  it("moor daemon status and stop", async () => {
    const w = await registered();
    const pid = await warm(w);
    const text = await moor(w, ["daemon", "status"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`pid       ${String(pid)}`);
    expect(text.stdout).toMatch(/box\s+up/);
    const stop = await moor(w, ["daemon", "stop"]);
    expect(stop).toMatchObject({ code: 0, stdout: `stopped the holder (pid ${String(pid)})\n` });
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(pid)).toBe(false);
    expect(await holderState(w)).toEqual({ running: false });
  });

  it("stays off with MOOR_NO_DAEMON=1", async () => {
    const w = await registered();
    expect((await direct(w, ["ls"])).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await holderPids(w)).toEqual([]);
  });
});
