import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

async function inBox(cmd: string[]): Promise<string> {
  const result = await box.exec(cmd);
  if (result.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed in the box: ${result.output}`);
  return result.stdout;
}

const log = (session: string) => inBox(["cat", `/home/moor/.local/state/moor/${session}/output.log`]);
const starts = async (session: string) =>
  (await log(session)).split("\n").filter((line) => line.startsWith("start-")).length;
// The first window's name follows its running command (tmux's automatic-rename, which lags), so it is
// left out; the named window keeps its name.
const windows = (session: string) =>
  inBox([
    "tmux",
    "list-windows",
    "-t",
    `=${session}`,
    "-F",
    "#{window_index}|#{?#{==:#{window_index},0},-,#{window_name}}|#{pane_current_path}|#{pane_dead}",
  ]);

describe("moor revive", () => {
  it("brings back a killed session with its command, cwd and windows; the log is appended to", async () => {
    const created = await moor(world, [
      "new",
      "b:agent",
      "--cwd",
      "/tmp",
      "--window",
      "side=sleep 500",
      "--",
      "sh",
      "-c",
      "echo start-$$; sleep 500",
    ]);
    expect(created.code).toBe(0);
    await vi.waitFor(async () => expect(await starts("agent")).toBe(1), { timeout: 10_000 });
    const before = await windows("agent");
    expect((await moor(world, ["kill", "b:agent"])).code).toBe(0);
    const run = await moor(world, ["revive", "b:agent"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("revived b:agent");
    await vi.waitFor(async () => expect(await starts("agent")).toBe(2), { timeout: 10_000 });
    expect(await windows("agent")).toBe(before);
    expect(before).toContain("1|side|/tmp|0");
  });

  it("brings sessions back after the tmux server was killed", async () => {
    expect((await moor(world, ["new", "b:again", "--", "sh", "-c", "echo start-$$; sleep 500"])).code).toBe(0);
    await vi.waitFor(async () => expect(await starts("again")).toBe(1), { timeout: 10_000 });
    await inBox(["tmux", "kill-server"]);
    const run = await moor(world, ["revive", "b:again", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({
      target: "b:again",
      command: ["sh", "-c", "echo start-$$; sleep 500"],
    });
    await vi.waitFor(async () => expect(await starts("again")).toBe(2), { timeout: 10_000 });
  });

  it("refuses a session that still exists (exit 2) and one never recorded (exit 5)", async () => {
    expect((await moor(world, ["new", "b:alive", "--", "sleep", "500"])).code).toBe(0);
    const alive = await moor(world, ["revive", "b:alive"]);
    expect(alive.code).toBe(2);
    expect(alive.stderr).toMatch(/already running/);
    const unknown = await moor(world, ["revive", "b:never"]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/no recorded spec for b:never/);
    await inBox(["tmux", "new-session", "-d", "-s", "plain"]);
    await inBox(["tmux", "kill-session", "-t", "=plain"]);
    expect((await moor(world, ["revive", "b:plain"])).code).toBe(5);
    expect((await moor(world, ["revive", "nohost:a.b"])).code).toBe(2);
    expect((await moor(world, ["revive", "b"])).code).toBe(2);
  });

  // Stand-ins for the agents, named as they are so moor recognises them: each prints its arguments into the log.
  // The codex one records its conversation as Codex 0.171.0 does (a rollout file whose first line is the
  // session_meta with its id, cwd and start time), so moor must learn the id after launch.
  const FAKE_CLAUDE = `#!/bin/sh
[ "$1" = --version ] && { echo "9.9.9 (Claude Code)"; exit 0; }
echo "args: $*"; exec sleep 500`;
  const FAKE_CODEX = `#!/bin/sh
[ "$1" = --version ] && { echo "codex-cli 9.9.9"; exit 0; }
echo "args: $*"
if [ "$1" != resume ] && [ -z "$NO_ROLLOUT" ]; then
  d=$HOME/.codex/sessions/2026/12/06; mkdir -p "$d"; id=conv-$$
  printf '{"type":"session_meta","payload":{"id":"%s","timestamp":"%s","cwd":"%s"}}\n{}\n' "$id" "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$(pwd -P)" > "$d/rollout-$id.jsonl"
  echo "conversation $id"
fi
exec sleep 500`;
  const install = (name: string, script: string) =>
    inBox([
      "sh",
      "-c",
      `mkdir -p /home/moor/bin /home/moor/proj && printf '%s\\n' "$1" > /home/moor/bin/${name} && chmod +x /home/moor/bin/${name}`,
      "sh",
      script,
    ]);
  const logLine = async (session: string, prefix: string) =>
    (await log(session))
      .split("\n")
      .map((line) => line.trimEnd())
      .filter((line) => line.startsWith(prefix));

  it("resumes each agent's OWN conversation: the id given at launch (claude), or learned after (codex)", async () => {
    await install("claude", FAKE_CLAUDE);
    await install("codex", FAKE_CODEX);
    for (const session of ["cl-a", "cl-b", "cx-a", "cx-b"]) {
      const program = session.startsWith("cl") ? "claude" : "codex";
      const made = await moor(world, ["new", `b:${session}`, "--cwd", "proj", "--", `/home/moor/bin/${program}`]);
      expect(made.code).toBe(0);
      await vi.waitFor(async () => expect(await logLine(session, "args:")).toHaveLength(1), { timeout: 10_000 });
    }
    const [launchA = ""] = await logLine("cl-a", "args:");
    const [launchB = ""] = await logLine("cl-b", "args:");
    expect(launchA).toMatch(/^args: --session-id [0-9a-f-]{36}$/);
    expect(launchB).not.toBe(launchA);
    const [convA = ""] = await logLine("cx-a", "conversation ");
    const [convB = ""] = await logLine("cx-b", "conversation ");
    await vi.waitFor(
      async () =>
        expect(await inBox(["cat", "/home/moor/.local/state/moor/cl-a/agent-version"])).toBe("9.9.9 (Claude Code)\n"),
      { timeout: 10_000 },
    );

    await inBox(["tmux", "kill-server"]);
    for (const session of ["cl-a", "cl-b", "cx-a", "cx-b"]) {
      const run = await moor(world, ["revive", `b:${session}`, "--json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const conversation = (JSON.parse(run.stdout) as { conversation: unknown }).conversation;
      expect(conversation).toMatchObject({ resumed: "own", agent: session.startsWith("cl") ? "claude" : "codex" });
    }
    const resumed = async (session: string) => (await logLine(session, "args:"))[1];
    await vi.waitFor(async () => expect(await resumed("cx-b")).toBeDefined(), { timeout: 10_000 });
    expect(await resumed("cl-a")).toBe(launchA.replace("--session-id", "--resume"));
    expect(await resumed("cl-b")).toBe(launchB.replace("--session-id", "--resume"));
    expect(await resumed("cx-a")).toBe(`args: resume ${convA.slice("conversation ".length)}`);
    expect(await resumed("cx-b")).toBe(`args: resume ${convB.slice("conversation ".length)}`);
    expect(await inBox(["cat", "/home/moor/.local/state/moor/cx-a/resume-id"])).toBe(`${convA.slice(13)}\n`);
  });

  it("says so on stderr and in --json when it can only continue the latest conversation; --fresh starts anew", async () => {
    await install("codex", FAKE_CODEX);
    const made = await moor(world, [
      "new",
      "b:cx-none",
      "--cwd",
      "proj",
      "--",
      "env",
      "NO_ROLLOUT=1",
      "/home/moor/bin/codex",
    ]);
    expect(made.code).toBe(0);
    await inBox(["tmux", "kill-session", "-t", "=cx-none"]);
    // env is the program here, so moor does not take it for codex: it runs as recorded.
    const plain = await moor(world, ["revive", "b:cx-none", "--json"]);
    expect(JSON.parse(plain.stdout)).toMatchObject({ conversation: null });
    await inBox(["tmux", "kill-session", "-t", "=cx-none"]);
    await inBox(["sh", "-c", "mkdir -p /home/moor/empty"]);
    expect(
      (await moor(world, ["new", "b:cx-lost", "--cwd", "empty", "--", "/home/moor/bin/codex", "--no-alt"])).code,
    ).toBe(0);
    await inBox(["tmux", "kill-session", "-t", "=cx-lost"]);
    await inBox(["sh", "-c", "rm -f /home/moor/.codex/sessions/2026/12/06/*"]);
    const latest = await moor(world, ["revive", "b:cx-lost", "--json"]);
    expect(latest.code).toBe(0);
    expect(latest.stderr).toMatch(
      /b:cx-lost: resumed codex's latest conversation in its folder, which may be another session's/,
    );
    expect(JSON.parse(latest.stdout)).toMatchObject({ conversation: { agent: "codex", resumed: "latest", id: null } });
    await vi.waitFor(async () => expect((await logLine("cx-lost", "args:"))[1]).toBe("args: resume --last --no-alt"), {
      timeout: 10_000,
    });
    await inBox(["tmux", "kill-session", "-t", "=cx-lost"]);
    const fresh = await moor(world, ["revive", "b:cx-lost", "--fresh", "--json"]);
    expect(fresh.stderr).toBe("");
    expect(JSON.parse(fresh.stdout)).toMatchObject({ conversation: { resumed: "fresh" } });
    await vi.waitFor(async () => expect((await logLine("cx-lost", "args:"))[2]).toBe("args: --no-alt"), {
      timeout: 10_000,
    });
  });

  it("refuses a recorded folder that is gone, and a spec corrupted or from a newer moor (exit 6, file untouched)", async () => {
    await inBox(["sh", "-c", "mkdir -p /home/moor/doomed"]);
    expect((await moor(world, ["new", "b:doomed", "--cwd", "/home/moor/doomed", "--", "sleep", "500"])).code).toBe(0);
    await inBox(["tmux", "kill-session", "-t", "=doomed"]);
    await inBox(["rmdir", "/home/moor/doomed"]);
    const gone = await moor(world, ["revive", "b:doomed"]);
    expect(gone.code).toBe(6);
    expect(gone.stderr).toMatch(/the folder \/home\/moor\/doomed that moor new recorded for b:doomed no longer exists/);

    const spec = "/home/moor/.local/state/moor/doomed/spec.json";
    for (const [content, why] of [
      ["{ not json", /corrupted/],
      ['{"version": 2, "session": "doomed", "windows": []}', /written by a newer moor/],
    ] as const) {
      await box.exec(["sh", "-c", `printf '%s' "$1" > ${spec}`, "sh", content]);
      const run = await moor(world, ["revive", "b:doomed"]);
      expect(run.code).toBe(6);
      expect(run.stderr).toContain(`~/.local/state/moor/doomed/spec.json on b`);
      expect(run.stderr).toMatch(why);
      expect(await inBox(["cat", spec])).toBe(content);
    }
  });

  it("lists sessions that vanished as gone (ls, status), revives them all with --all, and kill forgets one", async () => {
    await box.exec(["sh", "-c", 'tmux kill-server; for d in /home/moor/.local/state/moor/*/; do : > "$d/ended"; done']);
    for (const session of ["g1", "g2"])
      expect((await moor(world, ["new", `b:${session}`, "--", "sh", "-c", "echo start-$$; sleep 500"])).code).toBe(0);
    await inBox(["tmux", "kill-server"]);
    const listed = await moor(world, ["ls", "b", "--json"]);
    expect(listed.code).toBe(0);
    const sessions = (
      JSON.parse(listed.stdout) as { hosts: { sessions: { name: string; status: string; reason: string }[] }[] }
    ).hosts[0]?.sessions;
    expect(sessions?.map((session) => [session.name, session.status])).toEqual([
      ["g1", "gone"],
      ["g2", "gone"],
    ]);
    expect(sessions?.[0]?.reason).toContain("moor revive b:g1");
    const table = await moor(world, ["ls", "b"]);
    expect(table.stdout).toMatch(/g1\s+gone.*revive: moor revive b:g1/);
    const status = await moor(world, ["status", "b:g2", "--json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: "gone", target: "b:g2" });

    const all = await moor(world, ["revive", "b", "--all"]);
    expect(all.stderr).toBe("");
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split("\n")).toEqual(["revived b:g1", "revived b:g2"]);
    await vi.waitFor(async () => expect(await starts("g2")).toBe(2), { timeout: 10_000 });
    expect((await moor(world, ["revive", "b", "--all"])).stdout).toBe("no gone sessions on b\n");

    await inBox(["tmux", "kill-server"]);
    const forgot = await moor(world, ["kill", "b:g1"]);
    expect(forgot.code).toBe(0);
    expect(forgot.stdout).toMatch(/forgot b:g1/);
    const after = await moor(world, ["ls", "b", "--json", "--state", "gone"]);
    expect(JSON.parse(after.stdout)).toMatchObject({ hosts: [{ sessions: [{ name: "g2", status: "gone" }] }] });
    expect((await moor(world, ["kill", "b:g1"])).code).toBe(5);
  });
});
