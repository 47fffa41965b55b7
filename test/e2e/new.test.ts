import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";

let box: Box;
let bare: Box;
let world: MoorWorld;

beforeAll(async () => {
  [box, bare] = await Promise.all([startBox(), startBox({ tmux: false })]);
  world = makeWorld();
  // One after the other: two moor processes writing the registry at once can lose one write.
  await addBox(world, "b", box);
  await addBox(world, "bare", bare);
});

afterAll(async () => {
  await Promise.all([box?.stop(), bare?.stop()]);
});

async function inBox(cmd: string[]): Promise<string> {
  const result = await box.exec(cmd);
  if (result.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed in the box: ${result.output}`);
  return result.stdout;
}

const display = (target: string, format: string) =>
  inBox(["tmux", "display-message", "-p", "-t", target, format]).then((out) => out.trim());
// Debian's tmux loses about one pane SIGCHLD in three (libutempter): run-shell makes it reap the exited command first.
const deadStatus = (target: string) =>
  inBox([
    "tmux",
    "run-shell",
    "true",
    ";",
    "display-message",
    "-p",
    "-t",
    target,
    "#{pane_dead} #{pane_dead_status}",
  ]).then((out) => out.trim());
const capture = (target: string) => inBox(["tmux", "capture-pane", "-p", "-t", target]);

describe("moor new", () => {
  it("keeps the session when the command exits, its status visible", async () => {
    const run = await moor(world, ["new", "b:exits", "--", "sh", "-c", "echo bye; exit 3"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("created b:exits");
    await vi.waitFor(async () => expect(await deadStatus("=exits:")).toBe("1 3"), { timeout: 5_000 });
  });

  it("runs the agent through the login shell, so a PATH set up in ~/.profile finds it", async () => {
    await inBox([
      "sh",
      "-c",
      `mkdir -p "$HOME/agent-bin" && printf '#!/bin/sh\\necho "fake agent says hi"; sleep 100\\n' > "$HOME/agent-bin/fake-agent" && chmod +x "$HOME/agent-bin/fake-agent" && echo 'PATH="$HOME/agent-bin:$PATH"' >> "$HOME/.profile"`,
    ]);
    const run = await moor(world, ["new", "b:profiled", "--", "fake-agent"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await vi.waitFor(async () => expect(await capture("=profiled:")).toContain("fake agent says hi"), {
      timeout: 5_000,
    });
  });

  it("opens extra windows with their commands, in --cwd", async () => {
    await inBox(["mkdir", "-p", "/home/moor/proj dir"]);
    const run = await moor(world, [
      "new",
      "b:win",
      "--cwd",
      "~/proj dir",
      "--window",
      "x=echo in-x; sleep 100",
      "--window",
      "y",
      "--json",
      "--",
      "sleep",
      "100",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      host: "b",
      session: "win",
      target: "b:win",
      cwd: "~/proj dir",
      command: ["sleep", "100"],
      windows: [
        { name: "x", command: ["sh", "-c", "echo in-x; sleep 100"] },
        { name: "y", command: null },
      ],
      log: ".local/state/moor/win/output.log",
      prompt: null,
    });
    const windows = await inBox(["tmux", "list-windows", "-t", "=win", "-F", "#{window_name}|#{pane_current_path}"]);
    expect(windows.trim().split("\n").slice(1)).toEqual(["x|/home/moor/proj dir", "y|/home/moor/proj dir"]);
    expect(await display("=win:", "#{pane_current_path} #{pane_current_command}")).toBe("/home/moor/proj dir sleep");
    await vi.waitFor(async () => expect(await capture("=win:=x")).toContain("in-x"), { timeout: 5_000 });
  });

  it("logs the first window's output and records its spec; --no-log logs nothing", async () => {
    expect((await moor(world, ["new", "b:logged", "--", "sh", "-c", "echo hello-log; sleep 100"])).code).toBe(0);
    await vi.waitFor(
      async () => expect(await inBox(["cat", "/home/moor/.local/state/moor/logged/output.log"])).toContain("hello-log"),
      { timeout: 5_000 },
    );
    const spec = JSON.parse(await inBox(["cat", "/home/moor/.local/state/moor/logged/spec.json"])) as Record<
      string,
      unknown
    >;
    expect(spec).toMatchObject({
      version: 1,
      session: "logged",
      command: ["sh", "-c", "echo hello-log; sleep 100"],
      windows: [],
      log: true,
    });
    expect(
      (await moor(world, ["new", "b:quiet", "--no-log", "--", "sh", "-c", "echo hello-nolog; sleep 100"])).code,
    ).toBe(0);
    await vi.waitFor(async () => expect(await capture("=quiet:")).toContain("hello-nolog"), { timeout: 5_000 });
    expect((await box.exec(["ls", "/home/moor/.local/state/moor/quiet"])).stdout.trim()).toBe("launched\nspec.json");
  });

  it("delivers --prompt exactly once the agent is ready", async () => {
    const prompt = `it's "quoted" $HOME \`x\` ünï 🚀 #{pane_id};`;
    const agent = `sleep 1; echo ready; read line; echo "got:$line"; sleep 100`;
    const started = Date.now();
    const run = await moor(world, ["new", "b:prompted", "--prompt", prompt, "--json", "--", "sh", "-c", agent]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ prompt: { state: "quiet" } });
    expect(Date.now() - started).toBeLessThan(10_000);
    await vi.waitFor(async () => expect(await capture("=prompted:")).toContain(`got:${prompt}`), { timeout: 5_000 });
  });

  it("fails with exit 6 when the agent exits before the prompt could be delivered", async () => {
    const run = await moor(world, ["new", "b:dies", "--prompt", "hello", "--", "sh", "-c", "echo oops; exit 4"]);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/b:dies was created, but its command exited with status 4 before the prompt/);
    expect(await deadStatus("=dies:")).toBe("1 4");
  });

  it("--agent names the agent a wrapper runs, or none; ls reads it, revive keeps it, a name moor does not know is exit 2", async () => {
    const told = await moor(world, ["new", "b:wrapped", "--agent", "claude", "--", "sleep", "1000"]);
    expect(told.code, told.stderr).toBe(0);
    const none = await moor(world, ["new", "b:plain", "--agent", "none", "--", "claude", "--version-that-sleeps"]);
    expect(none.code, none.stderr).toBe(0);
    const sessions =
      (
        JSON.parse((await moor(world, ["ls", "b", "--json"])).stdout) as {
          hosts: { sessions: { name: string; agent: string | null }[] }[];
        }
      ).hosts[0]?.sessions ?? [];
    expect(
      sessions
        .filter((session) => ["wrapped", "plain"].includes(session.name))
        .map((session) => [session.name, session.agent]),
    ).toEqual([
      ["plain", null],
      ["wrapped", "claude"],
    ]);
    expect(await display("=wrapped:", "#{@moor-agent}")).toBe("claude");
    expect(JSON.parse(await inBox(["cat", "/home/moor/.local/state/moor/wrapped/spec.json"]))).toMatchObject({
      agent: "claude",
      command: ["sleep", "1000"],
    });
    const bad = await moor(world, ["new", "b:nope", "--agent", "chatgpt", "--", "sleep", "1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--agent "chatgpt": not an agent moor knows/);
    expect(await moor(world, ["kill", "b:wrapped"])).toMatchObject({ code: 0 });
    expect((await moor(world, ["revive", "b:wrapped"])).code).toBe(0);
    expect(await display("=wrapped:", "#{@moor-agent}")).toBe("claude");
  });

  it("refuses a session that exists (exit 2) and leaves it untouched", async () => {
    expect((await moor(world, ["new", "b:twice", "--", "sleep", "100"])).code).toBe(0);
    const spec = await inBox(["cat", "/home/moor/.local/state/moor/twice/spec.json"]);
    const pid = await display("=twice:", "#{pane_pid}");
    const again = await moor(world, ["new", "b:twice", "--", "sleep", "200"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/session b:twice already exists/);
    expect(await inBox(["cat", "/home/moor/.local/state/moor/twice/spec.json"])).toBe(spec);
    expect(await display("=twice:", "#{pane_pid} #{pane_current_command}")).toBe(`${pid} sleep`);
  });

  it("refuses bad names and options with exit 2 before connecting", async () => {
    // "nohost" is not registered: reaching for it would be exit 5.
    for (const target of ["nohost:a.b", "nohost:", "nohost:-x", `nohost:${"a".repeat(65)}`, "nohost:a:b", "nohost"]) {
      const run = await moor(world, ["new", target, "--", "true"]);
      expect({ target, code: run.code }).toEqual({ target, code: 2 });
      expect(run.stderr).not.toMatch(/unknown host/);
    }
    for (const window of ["bad.name", "12", "w=", ":x"]) {
      const run = await moor(world, ["new", "nohost:s", "--window", window]);
      expect({ window, code: run.code }).toEqual({ window, code: 2 });
    }
    expect((await moor(world, ["new", "nohost:s", "--window", "w", "--window", "w"])).code).toBe(2);
    const hostOnly = await moor(world, ["new", "b"]);
    expect(hostOnly.stderr).toMatch(/needs a session/);
  });

  it("refuses a --cwd that does not exist on the remote (exit 2)", async () => {
    const run = await moor(world, ["new", "b:nocwd", "--cwd", "/no/such/dir", "--", "sleep", "100"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such directory on b/);
    expect((await box.exec(["tmux", "has-session", "-t", "=nocwd"])).exitCode).not.toBe(0);
  });

  it("says tmux is missing with exit 6 and how to install it", async () => {
    const run = await moor(world, ["new", "bare:agent", "--", "sleep", "1"]);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/tmux is not installed on bare/);
    expect(run.stderr).toMatch(/install/);
  });
});
