import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/config/settings.js";
import { buildChannels } from "../../../src/notify/buildChannels.js";
import { runProgram } from "../../../src/notify/runProgram.js";

const settings = (extra: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  mute: { targets: [], hosts: [] },
  set: [],
  ...extra,
});

// A directory for PATH holding one stand-in program that records each call's argv, env and stdin.
function standIn(name: string, body = ""): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), "moor-standin-"));
  const log = join(dir, "calls.log");
  writeFileSync(join(dir, name), `#!/bin/sh\nprintf '%s\\n' "$*" >> ${log}\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
  return { dir, log };
}

const change = {
  target: "gpu1:a",
  host: "gpu1",
  session: "a",
  state: "asking",
  previous: "working",
  agent: "claude",
  reason: "Allow?",
  excerpt: ["x"],
  at: 0,
};

describe("runProgram", () => {
  it("stops a program that hangs, in time, and says so", async () => {
    const started = Date.now();
    const outcome = await runProgram({ argv: ["/bin/sh", "-c", "sleep 30"], timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome).toBe("/bin/sh did not finish within 0.3 s (stopped)");
  });

  it("reports a failing program's status and first stderr line, and a missing one", async () => {
    expect(await runProgram({ argv: ["/bin/sh", "-c", "echo nope >&2; exit 4"], timeoutMs: 5_000 })).toBe(
      "/bin/sh exited with status 4: nope",
    );
    expect(await runProgram({ argv: ["/no/such/notifier"], timeoutMs: 5_000 })).toMatch(
      /^\/no\/such\/notifier: .*ENOENT/,
    );
    expect(await runProgram({ argv: ["/bin/true"], timeoutMs: 5_000 })).toBeUndefined();
  });
});

describe("buildChannels", () => {
  it("finds the desktop notifier on PATH at run time and calls it with the text", async () => {
    const { dir, log } = standIn("notify-send");
    const channels = buildChannels({ settings: settings(), env: { PATH: dir }, runProgram });
    expect(channels.burst.map((channel) => `${channel.name} ${channel.via}`)).toEqual(["desktop notify-send"]);
    expect(await channels.burst[0]?.send({ title: "T", body: "B" })).toBeUndefined();
    expect(readFileSync(log, "utf8")).toBe("--app-name=moor T B\n");
  });

  it("does without a desktop notifier when none is installed", () => {
    const channels = buildChannels({
      settings: settings(),
      env: { PATH: mkdtempSync(join(tmpdir(), "moor-empty-")) },
      runProgram,
    });
    expect(channels.burst).toEqual([]);
    expect(channels.absent.find((absent) => absent.name === "desktop")?.why).toMatch(/^no notifier found on PATH/);
  });

  it("runs notify.command with MOOR_* variables and the JSON on stdin", async () => {
    const dir = mkdtempSync(join(tmpdir(), "moor-cmd-"));
    const log = join(dir, "log");
    const command = `{ env | grep '^MOOR_' | sort; cat; } > ${log}`;
    const channels = buildChannels({
      settings: settings({ "notify.command": command, "notify.desktop": "off" }),
      env: { PATH: process.env.PATH },
      runProgram,
    });
    expect(await channels.perChange[0]?.send(change)).toBeUndefined();
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "MOOR_AGENT=claude",
      "MOOR_EXCERPT=x",
      "MOOR_HOST=gpu1",
      "MOOR_PREVIOUS=working",
      "MOOR_QUESTION=",
      "MOOR_REASON=Allow?",
      "MOOR_SESSION=a",
      "MOOR_STATE=asking",
      "MOOR_TARGET=gpu1:a",
    ]);
    expect(JSON.parse(lines[9] ?? "")).toMatchObject({
      target: "gpu1:a",
      state: "asking",
      previous: "working",
      agent: "claude",
      reason: "Allow?",
      excerpt: "x",
    });
  });

  it("writes to the terminal only when it is one (auto), wrapped when moor runs in tmux", async () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (bytes: string) => void written.push(bytes) };
    const none = buildChannels({
      settings: settings({ "notify.desktop": "off" }),
      env: {},
      runProgram,
      terminal: { ...terminal, isTTY: false },
    });
    expect(none.burst).toEqual([]);
    const inTmux = buildChannels({
      settings: settings({ "notify.desktop": "off" }),
      env: { TMUX: "/tmp/t,1,0", TERM_PROGRAM: "tmux", LC_TERMINAL: "iTerm2" },
      runProgram,
      terminal,
      tmuxPassthrough: true,
    });
    expect(inTmux.burst.map((channel) => channel.via)).toEqual(["OSC 9 through tmux"]);
    await inTmux.burst[0]?.send({ title: "T", body: "B" });
    expect(written).toEqual(["\x1bPtmux;\x1b\x1b]9;T: B\x07\x1b\\"]);
    const blocked = buildChannels({
      settings: settings({ "notify.desktop": "off" }),
      env: { TMUX: "/tmp/t,1,0", LC_TERMINAL: "iTerm2" },
      runProgram,
      terminal,
      tmuxPassthrough: false,
    });
    expect(blocked.burst.map((channel) => channel.via)).toEqual(["the bell"]);
    const off = buildChannels({
      settings: settings({ "notify.terminal": "off", "notify.desktop": "off" }),
      env: {},
      runProgram,
      terminal,
    });
    expect(off.absent).toEqual([
      { name: "terminal", why: "off" },
      { name: "desktop", why: "off" },
      { name: "command", why: "not set" },
    ]);
  });
});
