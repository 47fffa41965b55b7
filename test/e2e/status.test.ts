import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { run, waitFor } from "./support/boxFiles.js";

let box: Box;
let world: MoorWorld;

// A stand-in agent on the box: a program named like the agent that draws one screen and then waits.
async function installAgent(name: string, screen: string): Promise<void> {
  const script = `#!/bin/sh\ncat <<'SCREEN'\n${screen}\nSCREEN\nexec sleep 100000\n`;
  const result = await box.exec(
    ["sh", "-c", `printf '%s' "$1" > /usr/local/bin/${name} && chmod +x /usr/local/bin/${name}`, "sh", script],
    { user: "root" },
  );
  if (result.exitCode !== 0) throw new Error(`could not install ${name} in the box: ${result.stderr}`);
}

async function startSession(session: string, command: string, shows: string): Promise<void> {
  await run(box, ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command]);
  await waitFor(`${session} to draw`, async () =>
    (await run(box, ["tmux", "capture-pane", "-p", "-t", `=${session}:`])).includes(shows) ? true : undefined,
  );
}

interface StatusJson {
  target: string;
  status: string;
  agent: string | null;
  reason: string;
  stale: boolean;
  evidence: { rule: string; region: string; matched: string | null; lines: string[] };
}

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
  await installAgent(
    "claude",
    "● Bash(ls /tmp)\n\n Bash command\n   ls /tmp\n\n Do you want to proceed?\n ❯ 1. Yes\n   2. No, and tell Claude what to do differently",
  );
  await installAgent(
    "codex",
    "• Hello! How can I help?\n\n› Ask Codex to do anything\n\n  100% context left · ? for shortcuts",
  );
  await installAgent("myagent", "ready>");
  await run(box, ["tmux", "new-session", "-d", "-s", "plain"]);
  await run(box, ["tmux", "set-option", "-g", "remain-on-exit", "on"]);
  await startSession("ask", "claude", "Do you want to proceed?");
  await startSession("wait", "codex", "context left");
  await startSession("mine", "myagent", "ready>");
  await run(box, ["tmux", "new-session", "-d", "-s", "sh1", "sh -c 'echo bye; exit 3'"]);
  await waitFor("sh1 to exit", async () =>
    (await run(box, ["tmux", "run-shell", "true", ";", "list-panes", "-t", "=sh1", "-F", "#{pane_dead}"])).startsWith(
      "1",
    )
      ? true
      : undefined,
  );
});

afterAll(async () => {
  await box?.stop();
});

describe("moor status", () => {
  it("says an agent at a permission dialog is asking, with the rule and the lines it read", async () => {
    const result = await moor(world, ["status", "box:ask", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as StatusJson;
    expect(json).toMatchObject({
      target: "box:ask",
      status: "asking",
      agent: "claude",
      reason: "a permission dialog is on screen",
      stale: false,
    });
    expect(json.evidence).toMatchObject({
      rule: "claude.permission",
      region: "last 30 lines",
      matched: " Do you want to proceed?",
    });
    expect(json.evidence.lines).toContain(" ❯ 1. Yes");
    const text = await moor(world, ["status", "box:ask"]);
    expect(text.stdout).toMatch(/^box:ask {2}asking\n {2}agent {4}claude\n/);
    expect(text.stdout).toMatch(/rule {5}claude\.permission, read from last 30 lines/);
  });

  it("says an agent at its input prompt is waiting, a plain shell is shell", async () => {
    expect(JSON.parse((await moor(world, ["status", "box:wait", "--json"])).stdout)).toMatchObject({
      status: "waiting",
      agent: "codex",
      evidence: { rule: "codex.prompt" },
    });
    expect(JSON.parse((await moor(world, ["status", "box:plain", "--json"])).stdout)).toMatchObject({
      status: "shell",
      agent: null,
    });
  });

  it("exits 5 for a session that is not there", async () => {
    const result = await moor(world, ["status", "box:nope"]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/nope/);
  });
});

describe("moor ls with states", () => {
  it("has every session's state, and --state keeps only those", async () => {
    const all = JSON.parse((await moor(world, ["ls", "--json"])).stdout) as {
      hosts: { sessions: { name: string; status: string; agent: string | null; exitCode?: number }[] }[];
    };
    const states = new Map(all.hosts[0]?.sessions.map((session) => [session.name, [session.status, session.agent]]));
    expect(Object.fromEntries(states)).toEqual({
      ask: ["asking", "claude"],
      wait: ["waiting", "codex"],
      plain: ["shell", null],
      sh1: ["exited", null],
      // A program moor does not know: working while it prints, idle once quiet (it printed once, at start).
      mine: [expect.stringMatching(/^(working|idle)$/), null],
    });
    const some = await moor(world, ["ls", "--state", "asking,waiting"]);
    expect(some.code).toBe(0);
    const rows = some.stdout.trimEnd().split("\n");
    expect(rows.slice(1).map((row) => row.split(/\s+/).slice(0, 4))).toEqual([
      ["box", "ask", "asking", "claude"],
      ["box", "wait", "waiting", "codex"],
    ]);
    const bad = await moor(world, ["ls", "--state", "busy"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown state "busy"/);
  });

  it("takes the user's own rules from the config dir, and refuses a broken file naming it (exit 2)", async () => {
    const file = join(world.configDir, "agents.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        agents: [
          {
            name: "myagent",
            rules: [{ id: "myagent.ready", state: "waiting", region: { last: 2 }, any: ["^ready>$"] }],
          },
        ],
      }),
    );
    expect(JSON.parse((await moor(world, ["status", "box:mine", "--json"])).stdout)).toMatchObject({
      status: "waiting",
      agent: "myagent",
      evidence: { rule: "myagent.ready" },
    });
    writeFileSync(file, "{ not json");
    const broken = await moor(world, ["ls"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(file);
    writeFileSync(file, JSON.stringify({ version: 1, agents: [] }));
  });
});
