import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { MOOR_BIN, addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { holderWorld, stopHolder, waitForHolder } from "../support/holder.js";
import { LocalTerminal } from "../support/terminal.js";

const run = promisify(execFile);
let box: Box;
let world: MoorWorld;
let serial = 0;

// A folder for PATH with a stand-in notify-send that records each call, one line of arguments per call.
function standInNotifier(): { dir: string; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), "moor-notifier-"));
  const log = join(dir, "notify-send.log");
  writeFileSync(join(dir, "notify-send"), `#!/bin/sh\nprintf '%s|' "$@" | tr '\\n' '~' >> ${log}\necho >> ${log}\n`);
  chmodSync(join(dir, "notify-send"), 0o755);
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .split("\n")
            .filter((line) => line !== "")
        : [],
  };
}

// A notify.command that logs its MOOR_* environment and its stdin, one JSON line per run.
function loggingCommand(extra = ""): { command: string; runs: () => { env: Record<string, string>; stdin: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), "moor-command-"));
  const log = join(dir, "runs.log");
  const script = join(dir, "log-run");
  writeFileSync(
    script,
    `#!/bin/sh\nstdin=$(/bin/cat)\n${process.execPath} -e 'const env=Object.fromEntries(Object.entries(process.env).filter(([k])=>k.startsWith("MOOR_")));console.log(JSON.stringify({env,stdin:process.argv[1]}))' "$stdin" >> ${log}\n${extra}\n`,
  );
  chmodSync(script, 0o755);
  return {
    command: script,
    runs: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .split("\n")
            .filter((line) => line !== "")
            .map((line) => JSON.parse(line) as { env: Record<string, string>; stdin: string })
        : [],
  };
}

// A session that runs until released (its gate file appears), then exits with `code`.
async function gatedSession(code: number): Promise<string> {
  const name = `n${++serial}`;
  const script = `while [ ! -e /tmp/go-${name} ]; do sleep 0.2; done; exit ${code}`;
  const made = await box.exec([
    "tmux",
    "new-session",
    "-d",
    "-s",
    name,
    `sh -c '${script}'`,
    ";",
    "set-option",
    "-w",
    "-t",
    `=${name}:`,
    "remain-on-exit",
    "on",
  ]);
  if (made.exitCode !== 0) throw new Error(`tmux new-session ${name}: ${made.output}`);
  return name;
}

const release = async (...names: string[]): Promise<void> =>
  void (await box.exec(["touch", ...names.map((name) => `/tmp/go-${name}`)]));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// moor watch --json as a running child, with the PATH given (where the stand-in notifier is, or is not).
class Watch {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";

  constructor(args: readonly string[], path: string) {
    this.child = spawn(process.execPath, [MOOR_BIN, "watch", "--json", "--interval", "0.5", ...args], {
      env: { ...world.env, PATH: path },
    });
    this.child.stdout.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Resolves once the watch has polled these sessions (their first session events). */
  async polled(...names: string[]): Promise<void> {
    await until(`watch to show ${names.join(", ")}`, () =>
      names.every((name) => this.stdout.includes(`"session":"${name}"`)) ? true : undefined,
    );
  }

  lines(): number {
    return this.stdout.split("\n").length;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGINT");
    await exited;
  }
}

const nodeDir = dirname(process.execPath);

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
  // A session that lives through every test keeps the box's tmux server up.
  await box.exec(["tmux", "new-session", "-d", "-s", "keep", "sh -c 'while :; do date +%T.%N; sleep 0.3; done'"]);
});

afterAll(async () => {
  await box?.stop();
});

describe("notifications from moor watch", () => {
  it("notify once per change, none for states there at start, none when muted; a burst is one desktop notification", async () => {
    const notifier = standInNotifier();
    const command = loggingCommand();
    const done = await gatedSession(5);
    await release(done);
    const [a, b, muted] = [await gatedSession(3), await gatedSession(0), await gatedSession(1)];
    expect((await moor(world, ["config", "set", "notify.command", command.command])).code).toBe(0);
    expect((await moor(world, ["mute", `box:${muted}`])).code).toBe(0);
    const watch = new Watch(
      [`box:${done}`, `box:${a}`, `box:${b}`, `box:${muted}`],
      `${notifier.dir}:${nodeDir}:/usr/bin:/bin`,
    );
    try {
      await watch.polled(done, a, b, muted);
      await pause(2_500);
      expect(notifier.calls()).toEqual([]);
      expect(command.runs()).toEqual([]);

      await release(a, b, muted);
      await until("two notify.command runs", () => (command.runs().length >= 2 ? true : undefined));
      await pause(3_000);
      const runs = command.runs();
      expect(runs.map((entry) => entry.env.MOOR_TARGET).sort()).toEqual([`box:${a}`, `box:${b}`].sort());
      const runA = runs.find((entry) => entry.env.MOOR_TARGET === `box:${a}`);
      expect(runA?.env).toMatchObject({
        MOOR_HOST: "box",
        MOOR_SESSION: a,
        MOOR_STATE: "exited",
        MOOR_PREVIOUS: "working",
        MOOR_REASON: "exited with status 3",
      });
      expect(JSON.parse(runA?.stdin ?? "{}")).toMatchObject({
        target: `box:${a}`,
        host: "box",
        session: a,
        state: "exited",
        previous: "working",
        reason: "exited with status 3",
      });
      const calls = notifier.calls();
      expect(calls, JSON.stringify(calls)).toHaveLength(1);
      expect(calls[0]).toContain("moor: 2 sessions need you");
      expect(calls[0]).toContain(`box:${a} exited`);
      expect(calls[0]).toContain(`box:${b} exited`);
      expect(calls[0]).not.toContain(muted);
      expect(watch.stderr).toBe("");
    } finally {
      await watch.stop();
      await moor(world, ["config", "unset", "notify.command"]);
    }
  });

  it("a hanging notify.command is stopped and reported once, and the stream and the desktop carry on", async () => {
    const notifier = standInNotifier();
    const marker = `moor-hang-${process.pid}-${Date.now()}`;
    const command = loggingCommand(`exec /bin/sh -c '/bin/sleep 600; :' ${marker}`);
    const sessions = [await gatedSession(1), await gatedSession(2)];
    expect((await moor(world, ["config", "set", "notify.command", `${command.command}`])).code).toBe(0);
    const watch = new Watch(
      ["box:keep", ...sessions.map((name) => `box:${name}`)],
      `${notifier.dir}:${nodeDir}:/usr/bin:/bin`,
    );
    try {
      await watch.polled("keep", ...sessions);
      await release(sessions[0] ?? "");
      await until("the first run", () => (command.runs().length === 1 ? true : undefined));
      await pause(2_000);
      await release(sessions[1] ?? "");
      await until("the second run", () => (command.runs().length === 2 ? true : undefined));
      const before = watch.lines();
      await until("the desktop notifications", () => (notifier.calls().length === 2 ? true : undefined), 10_000);
      await pause(1_500);
      expect(watch.lines()).toBeGreaterThan(before);
      await until(
        `the timeout report (stderr: ${watch.stderr})`,
        () => (watch.stderr.includes("did not finish") ? true : undefined),
        20_000,
      );
      await pause(3_000);
      expect(watch.stderr.match(/notify\.command did not finish within 10 s/g)).toHaveLength(1);
      // Both hung commands (the second started later) are stopped at their own 10 s, whole process group and all.
      const alive = (): Promise<string> =>
        run("pgrep", ["-f", marker]).then(
          (result) => result.stdout,
          () => "",
        );
      const deadline = Date.now() + 15_000;
      while ((await alive()) !== "" && Date.now() < deadline) await pause(250);
      expect(await alive()).toBe("");
    } finally {
      await watch.stop();
      await moor(world, ["config", "unset", "notify.command"]);
    }
  });

  it("works with no desktop notifier installed (notify.command still runs, nothing reported)", async () => {
    const command = loggingCommand();
    const name = await gatedSession(4);
    expect((await moor(world, ["config", "set", "notify.command", command.command])).code).toBe(0);
    const emptyPath = mkdtempSync(join(tmpdir(), "moor-nopath-"));
    const watch = new Watch([`box:${name}`], emptyPath);
    try {
      await watch.polled(name);
      await release(name);
      await until("the command run", () => (command.runs().length === 1 ? true : undefined));
      await pause(2_500);
      expect(command.runs()[0]?.env.MOOR_REASON).toBe("exited with status 4");
      expect(watch.stderr).toBe("");
    } finally {
      await watch.stop();
      await moor(world, ["config", "unset", "notify.command"]);
    }
  });

  it("moor notify test says which channel worked", async () => {
    const notifier = standInNotifier();
    const command = loggingCommand();
    expect((await moor(world, ["config", "set", "notify.command", command.command])).code).toBe(0);
    const result = await moor(world, ["notify", "test"], { env: { PATH: `${notifier.dir}:${nodeDir}:/usr/bin:/bin` } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `terminal: off (not a terminal (notify.terminal is auto))\ndesktop: sent (notify-send)\ncommand: sent (${command.command})\n`,
    );
    expect(notifier.calls()).toEqual([
      "--app-name=moor|moor: test notification|moor notify test: notifications from moor reach you here|",
    ]);
    expect(command.runs()[0]?.env).toMatchObject({ MOOR_TARGET: "moor:test", MOOR_STATE: "asking" });
    expect((await moor(world, ["config", "set", "notify.command", "exit 9"])).code).toBe(0);
    const failing = await moor(world, ["notify", "test", "--json"], {
      env: { PATH: mkdtempSync(join(tmpdir(), "moor-nopath-")) },
    });
    expect(JSON.parse(failing.stdout)).toEqual([
      { channel: "terminal", on: false, worked: false, detail: "not a terminal (notify.terminal is auto)" },
      {
        channel: "desktop",
        on: false,
        worked: false,
        detail: expect.stringMatching(/^no notifier found on PATH/) as unknown,
      },
      { channel: "command", on: true, worked: false, detail: "notify.command exited with status 9" },
    ]);
    await moor(world, ["config", "unset", "notify.command"]);
  });
});

describe("terminal notifications read from a real PTY", () => {
  // moor watch full-screen in a local tmux pane; pipe-pane records every byte moor writes to the terminal.
  async function sequencesFor(env: NodeJS.ProcessEnv, passthrough: boolean): Promise<string> {
    const name = await gatedSession(6);
    const raw = join(mkdtempSync(join(tmpdir(), "moor-pty-")), "raw");
    const setup = passthrough ? "tmux set -g allow-passthrough on; " : "";
    const terminal = await LocalTerminal.start(
      ["sh", "-c", `${setup}exec "$0" "$@"`, process.execPath, MOOR_BIN, "watch", "--interval", "0.5", `box:${name}`],
      {
        env: { ...world.env, PATH: `${nodeDir}:/usr/bin:/bin`, ...env },
      },
    );
    try {
      await run("tmux", ["-L", terminal.socket, "pipe-pane", "-o", "-t", "0", `cat >> ${raw}`]);
      await terminal.waitFor(new RegExp(name), 20_000);
      await pause(1_500);
      await release(name);
      await until("a notification on the terminal", () =>
        existsSync(raw) && /\x07|\x1b\]/.test(readFileSync(raw, "latin1").replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ""))
          ? true
          : undefined,
      );
      await pause(500);
      await terminal.type(["q"]);
      await terminal.waitForExit(10_000);
      return readFileSync(raw, "latin1");
    } finally {
      await terminal.close();
    }
  }

  it("writes OSC 9 for iTerm2 outside tmux", async () => {
    const bytes = await sequencesFor({ TMUX: "", TERM_PROGRAM: "iTerm.app" }, false);
    expect(bytes).toMatch(/\x1b\]9;moor: box:n\d+ exited: program on box, session n\d+: exited with status 6\x07/);
  });

  it("wraps the sequence in tmux's passthrough when moor runs in tmux with allow-passthrough on", async () => {
    const bytes = await sequencesFor({ TERM_PROGRAM: "tmux", TERM: "tmux-256color", KITTY_WINDOW_ID: "1" }, true);
    expect(bytes).toMatch(/\x1bPtmux;\x1b\x1b\]99;i=moor:d=0;moor: box:n\d+ exited\x1b\x1b\\/);
  });

  it("rings the bell in tmux without passthrough, and in a terminal with no notification sequence", async () => {
    for (const env of [
      { TERM_PROGRAM: "tmux", LC_TERMINAL: "iTerm2" },
      { TMUX: "", TERM_PROGRAM: "Apple_Terminal" },
    ]) {
      const bytes = await sequencesFor(env, false);
      expect(bytes).toContain("\x07");
      expect(bytes).not.toMatch(/\x1b\](9|99|777);/);
    }
  });
});

describe("notifications from the background holder (notify.background on)", () => {
  it("notifies with no moor watch open, and moor daemon status says so", async () => {
    const background = holderWorld();
    const pids: number[] = [];
    try {
      await addBox(background, "box", box);
      const notifier = standInNotifier();
      const command = loggingCommand();
      const path = `${notifier.dir}:${nodeDir}:/usr/bin:/bin`;
      const name = await gatedSession(7);
      expect((await moor(background, ["config", "set", "notify.command", command.command])).code).toBe(0);
      const on = await moor(background, ["config", "set", "notify.background", "on"], { env: { PATH: path } });
      expect(on.code).toBe(0);
      const state = await waitForHolder(background);
      pids.push(state.pid);
      const deadline = Date.now() + 20_000;
      let status = await moor(background, ["daemon", "status", "--json"]);
      while (
        !(JSON.parse(status.stdout) as { notifying?: string[] | null }).notifying?.includes("box") &&
        Date.now() < deadline
      ) {
        await pause(300);
        status = await moor(background, ["daemon", "status", "--json"]);
      }
      expect(JSON.parse(status.stdout)).toMatchObject({ running: true, notifying: ["box"], persistMinutes: null });
      expect((await moor(background, ["daemon", "status"])).stdout).toContain(
        "notifies  in the background (notify.background on): box",
      );
      await pause(3_000);
      expect(command.runs()).toEqual([]);
      await release(name);
      await until("the holder's notify.command run", () => (command.runs().length === 1 ? true : undefined));
      expect(command.runs()[0]?.env).toMatchObject({
        MOOR_TARGET: `box:${name}`,
        MOOR_STATE: "exited",
        MOOR_REASON: "exited with status 7",
      });
      await until("the holder's desktop notification", () => (notifier.calls().length === 1 ? true : undefined));
      expect(notifier.calls()[0]).toContain(`moor: box:${name} exited`);
    } finally {
      await stopHolder(background, pids);
    }
  });
});
