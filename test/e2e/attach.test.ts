import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, MOOR_BIN, type MoorWorld } from "../support/cli.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { LocalTerminal } from "../support/terminal.js";
import { quoteArgv } from "../../src/ssh/shellQuote.js";

const PROMPT = /^\$\s*$/m;
const TICKER = "sh -c 'i=0; while :; do i=$((i+1)); echo tick $i; sleep 1; done'";
let box: Box;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  box = await startBox();
});

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup().catch(() => undefined)));
});

afterAll(async () => {
  await box?.stop();
});

interface Bed {
  world: MoorWorld;
  link: FlakyLink;
}

// A world whose host "box" is reached through a flaky link, and a remote session running `command`.
async function bed(session: string, command = TICKER): Promise<Bed> {
  const link = await startFlakyLink(box.host, box.port);
  cleanups.push(() => link.close());
  const world = makeWorld();
  await addBox(world, "box", box, { port: link.port });
  await remote(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "29", command]);
  cleanups.push(() => remote(["tmux", "kill-session", "-t", `=${session}`]));
  return { world, link };
}

async function remote(cmd: string[]): Promise<string> {
  const result = await box.exec(cmd);
  if (result.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed in the box: ${result.output}`);
  return result.stdout;
}

// moor runs under a shell that prints its exit status and then the terminal's mode: the local tmux server does
// not always reap a pane's process (it stays a zombie, pane_dead_status empty), so LocalTerminal.exitStatus()
// cannot be relied on here. moor's pid goes to HOME/moor.pid, for signal tests.
async function attach(world: MoorWorld, args: string[]): Promise<LocalTerminal> {
  const moorCommand = `echo $$ >${quoteArgv([join(world.home, "moor.pid")])}; exec ${quoteArgv([process.execPath, MOOR_BIN, "attach", ...args])}`;
  const modes = `stty -a | tr ' ;' '\\n\\n' | grep -x -E -- '-?icanon|-?echo' | tr '\\n' ' '`;
  const command = `${quoteArgv(["sh", "-c", moorCommand])}; echo "moor-exit=$?"; echo "tty: $(${modes})"`;
  const terminal = await LocalTerminal.start(["sh", "-c", command], { env: world.env, cols: 100, rows: 30 });
  cleanups.push(() => terminal.close());
  return terminal;
}

async function exitCode(terminal: LocalTerminal, timeoutMs = 10_000): Promise<number> {
  await terminal.waitFor(/moor-exit=\d+\s+tty: /, timeoutMs);
  const screen = await terminal.screen();
  expect(screen).toMatch(/tty: icanon echo/);
  return Number(/moor-exit=(\d+)/.exec(screen)?.[1]);
}

const lastTick = (screen: string): number =>
  Math.max(0, ...[...screen.matchAll(/tick (\d+)/g)].map((match) => Number(match[1])));
const clients = (session: string): Promise<string> =>
  remote(["tmux", "list-clients", "-t", `=${session}`, "-F", "#{client_tty} #{client_pid}"]);

describe("moor attach", () => {
  it("refuses without a terminal (exit 2) and a bare host (exit 2) before connecting", async () => {
    const world = makeWorld();
    const run = await moor(world, ["attach", "nowhere:s1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/moor attach needs a terminal/);
    const bare = await moor(world, ["attach", "nowhere"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/needs a session/);
  });

  it("says a missing session is not found (exit 5)", async () => {
    const { world } = await bed("present");
    const terminal = await attach(world, ["box:absent"]);
    expect(await exitCode(terminal, 20_000)).toBe(5);
    expect(await terminal.screen()).toMatch(/box:absent: no such session or window on box/);
  });

  it("shows the pane, passes keys and resizes through, and ends with exit 0 on the detach key", async () => {
    const { world } = await bed("a1", "sh");
    const terminal = await attach(world, ["box:a1"]);
    await terminal.waitFor(PROMPT, 20_000);
    await terminal.type(["echo typed-$((40+2))"], true);
    await terminal.type(["Enter"]);
    await terminal.waitFor(/^typed-42/m);
    await terminal.resize(90, 25);
    await expect
      .poll(() => remote(["tmux", "display-message", "-p", "-t", "=a1:", "#{window_width}x#{window_height}"]), {
        timeout: 5_000,
      })
      .toMatch(/^90x2[45]\n$/);
    await terminal.type(["C-b", "d"]);
    expect(await exitCode(terminal)).toBe(0);
    expect(await terminal.screen()).toMatch(/\[detached \(from session a1\)\]/);
  });

  it("--read-only keeps typed keys from the pane; --steal detaches the other client", async () => {
    const { world } = await bed("ro", "sh");
    const watcher = await attach(world, ["box:ro", "--read-only"]);
    await watcher.waitFor(PROMPT, 20_000);
    await watcher.type(["echo leaked"], true);
    await watcher.type(["Enter"]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await remote(["tmux", "capture-pane", "-p", "-t", "=ro:"])).not.toMatch(/leaked/);
    const stealer = await attach(world, ["box:ro", "--steal"]);
    expect(await exitCode(watcher, 20_000)).toBe(0);
    expect(await watcher.screen()).toMatch(/\[detached/);
    await stealer.waitFor(PROMPT);
    await stealer.type(["C-b", "d"]);
    expect(await exitCode(stealer)).toBe(0);
  });

  it("ends with exit 0 and says so when the session is killed remotely", async () => {
    const { world } = await bed("gone");
    const terminal = await attach(world, ["box:gone"]);
    await terminal.waitFor(/tick \d+/, 20_000);
    await remote(["tmux", "kill-session", "-t", "=gone"]);
    expect(await exitCode(terminal)).toBe(0);
    expect(await terminal.screen()).toMatch(/moor: session box:gone ended/);
  });

  it("restores the terminal and leaves the session running when killed by a signal", async () => {
    const { world } = await bed("sig");
    const terminal = await attach(world, ["box:sig"]);
    await terminal.waitFor(/tick \d+/, 20_000);
    process.kill(Number(readFileSync(join(world.home, "moor.pid"), "utf8")), "SIGTERM");
    expect(await exitCode(terminal)).toBe(0);
    const screen = await terminal.screen();
    expect(screen).toMatch(/moor: left box:sig on SIGTERM; the session keeps running/);
    expect(screen).not.toMatch(/tick \d+/);
    expect(await remote(["tmux", "has-session", "-t", "=sig"])).toBe("");
  });

  it("with --no-reconnect exits 3 when the link drops", async () => {
    const { world, link } = await bed("nr");
    const terminal = await attach(world, ["box:nr", "--no-reconnect"]);
    await terminal.waitFor(/tick \d+/, 20_000);
    const dropped = Date.now();
    await link.setMode("blackhole");
    expect(await exitCode(terminal, 20_000)).toBe(3);
    console.log(`--no-reconnect: drop→exit 3 in ${Date.now() - dropped} ms`);
    const screen = await terminal.screen();
    expect(screen).toMatch(/the link to box dropped; left box:nr \(--no-reconnect\)/);
    expect(screen).toMatch(/moor attach box:nr/);
  });
});

describe("moor attach through link faults", () => {
  it("shows a banner when the link is blackholed and re-attaches by itself, dropping keys typed meanwhile", async () => {
    const { world, link } = await bed("bh");
    const terminal = await attach(world, ["box:bh"]);
    await terminal.waitFor(/tick \d+/, 20_000);
    const dropped = Date.now();
    await link.setMode("blackhole");
    const toBanner = await terminal.waitFor(/moor: link to box quiet for \ds — reconnecting…/, 15_000);
    await terminal.type(["zzz-typed-while-down"], true);
    const toDown = (await terminal.waitFor(/moor: link to box down for \d+s — reconnecting…/, 15_000)) + toBanner;
    const before = lastTick(await terminal.screen());
    const upAt = Date.now();
    await link.setMode("up");
    await terminal.waitFor(/tick \d+/, 30_000);
    await expect
      .poll(
        async () => {
          const screen = await terminal.screen();
          return !/reconnecting/.test(screen) && lastTick(screen) > before + 1;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    const toRestored = Date.now() - upAt;
    console.log(
      `blackhole: drop→banner ${toBanner} ms, drop→down ${toDown} ms, up→restored screen ${toRestored} ms (drop at ${dropped})`,
    );
    expect(await remote(["tmux", "capture-pane", "-p", "-t", "=bh:"])).not.toMatch(/zzz/);
    expect((await clients("bh")).trim().split("\n")).toHaveLength(1);
    expect(await terminal.screen()).not.toMatch(/moor-exit=/);
    await terminal.type(["C-b", "d"]);
    expect(await exitCode(terminal)).toBe(0);
  });

  it("rides out a 2 s pause without re-attaching", async () => {
    const { world, link } = await bed("pz");
    const terminal = await attach(world, ["box:pz"]);
    await terminal.waitFor(/tick \d+/, 20_000);
    const clientBefore = await clients("pz");
    await link.setMode("pause");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await link.setMode("up");
    const before = lastTick(await terminal.screen());
    await terminal.waitFor(new RegExp(`tick ${before + 3}\\b`), 10_000);
    expect(await clients("pz")).toBe(clientBefore);
    expect(await terminal.screen()).not.toMatch(/reconnecting/);
    expect(await terminal.screen()).not.toMatch(/moor-exit=/);
  });
});
