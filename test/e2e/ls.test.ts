import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { addOddSession } from "./support/oddNames.js";

let alpha: Box;
let beta: Box;
let bare: Box;
let world: MoorWorld;

interface LsJson {
  hosts: {
    host: string;
    state: string;
    error?: string;
    exitCode?: number;
    sessions: {
      name: string;
      status: string;
      command: string;
      attached: boolean;
      windows: { name: string; panes: { command: string }[] }[];
    }[];
  }[];
}

beforeAll(async () => {
  [alpha, beta, bare] = await Promise.all([startBox(), startBox(), startBox({ tmux: false })]);
  world = makeWorld();
  // One at a time: each host add rewrites the registry.
  for (const [name, box] of [
    ["alpha", alpha],
    ["beta", beta],
    ["bare", bare],
  ] as const)
    await addBox(world, name, box);
  await alpha.exec(["tmux", "new-session", "-d", "-s", "s1", "-n", "agent", "sh -c 'while :; do date; sleep 1; done'"]);
  await alpha.exec(["tmux", "new-window", "-d", "-t", "=s1:", "-n", "shell"]);
  await alpha.exec(["tmux", "set-option", "-g", "remain-on-exit", "on"]);
  await alpha.exec(["tmux", "new-session", "-d", "-s", "done", "sh -c 'echo bye; exit 3'"]);
  await beta.exec(["tmux", "new-session", "-d", "-s", "b1", "sleep 1000"]);
});

afterAll(async () => {
  await Promise.all([alpha?.stop(), beta?.stop(), bare?.stop()]);
});

describe("moor ls", () => {
  it("lists every session of every named host, in parallel, as JSON", async () => {
    const run = await moor(world, ["ls", "alpha", "beta", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as LsJson;
    expect(json.hosts.map((host) => [host.host, host.state, host.sessions.map((session) => session.name)])).toEqual([
      ["alpha", "ok", ["done", "s1"]],
      ["beta", "ok", ["b1"]],
    ]);
    const [done, s1] = json.hosts[0]?.sessions ?? [];
    expect(done).toMatchObject({ status: "exited", exitCode: 3, attached: false });
    expect(s1).toMatchObject({
      status: "working",
      agent: null,
      reason: "its output is changing",
      stale: false,
      command: "sh",
      attached: false,
    });
    expect(s1?.windows.map((window) => [window.name, window.panes.map((pane) => pane.command)])).toEqual([
      ["agent", ["sh"]],
      ["shell", ["bash"]],
    ]);
    expect(json.hosts[1]?.sessions[0]).toMatchObject({ name: "b1", command: "sleep" });
  });

  it("prints a table; a host without tmux is one row saying so and the command still succeeds", async () => {
    const run = await moor(world, ["ls"]);
    expect(run.code).toBe(0);
    const rows = run.stdout.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^HOST\s+SESSION\s+STATE\s+AGENT\s+ATTACHED\s+ACTIVITY\s+WIN\s+WINDOWS/);
    expect(rows.find((row) => row.startsWith("alpha  s1"))).toMatch(
      /working\s+-\s+no\s+\d+s ago\s+2\s+agent \(sh\), shell \(bash\)$/,
    );
    expect(rows.find((row) => row.startsWith("alpha  done"))).toMatch(/exited 3/);
    expect(rows.find((row) => row.startsWith("bare"))).toMatch(/^bare\s+-\s+error\s+tmux is not installed on bare/);
  });

  it("gives zero sessions, not an error, for a host with no tmux server", async () => {
    const empty = makeWorld();
    await addBox(empty, "beta", beta);
    await beta.exec(["tmux", "kill-server"]);
    const run = await moor(empty, ["ls", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ hosts: [{ host: "beta", state: "ok", sessions: [] }] });
    await beta.exec(["tmux", "new-session", "-d", "-s", "b1", "sleep 1000"]);
  });

  it("with one box stopped: lists the other, marks the stopped one unreachable, exits 0 — and quickly", async () => {
    const doomed = await startBox();
    const local = makeWorld();
    await addBox(local, "alpha", alpha);
    await addBox(local, "doomed", doomed);
    await doomed.stop();
    const started = Date.now();
    const run = await moor(local, ["ls", "--json"]);
    const tookMs = Date.now() - started;
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as LsJson;
    expect(json.hosts.map((host) => [host.host, host.state])).toEqual([
      ["alpha", "ok"],
      ["doomed", "unreachable"],
    ]);
    expect(json.hosts[1]).toMatchObject({ exitCode: 3, error: "doomed unreachable: connection refused", sessions: [] });
    const table = await moor(local, ["ls"]);
    expect(table.stdout).toMatch(/^doomed\s+-\s+unreachable\s+doomed unreachable: connection refused$/m);
    console.log(`moor ls with one of two boxes stopped took ${tookMs} ms`);
    expect(tookMs).toBeLessThan(5_000);
    const alone = await moor(local, ["ls", "doomed"]);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe("");
    expect(alone.stdout).toMatch(/^doomed\s+-\s+unreachable\s+doomed unreachable: connection refused$/m);
  });

  it("keeps an unreachable host's sessions as last seen: their states, stale, with the last contact", async () => {
    const lost = await startBox();
    const local = makeWorld();
    await addBox(local, "lost", lost);
    await lost.exec(["tmux", "new-session", "-d", "-s", "kept", "sleep 1000"]);
    const before = JSON.parse((await moor(local, ["ls", "--json"])).stdout) as LsJson;
    expect(before.hosts[0]?.sessions[0]).toMatchObject({ name: "kept", stale: false });
    const contactBefore = Date.now();
    await lost.stop();
    const run = await moor(local, ["ls", "--json"]);
    expect(run.code).toBe(0);
    const host = (JSON.parse(run.stdout) as LsJson & { hosts: { lastContact?: string }[] }).hosts[0];
    expect(host).toMatchObject({ host: "lost", state: "unreachable", exitCode: 3 });
    expect(Date.parse(host?.lastContact ?? "")).toBeLessThanOrEqual(contactBefore);
    expect(
      host?.sessions.map((session) => [session.name, session.status, (session as { stale?: boolean }).stale]),
    ).toEqual([["kept", before.hosts[0]?.sessions[0]?.status, true]]);
    const table = await moor(local, ["ls"]);
    expect(table.stdout).toMatch(
      /^lost\s+-\s+unreachable\s+lost unreachable: connection refused \(last contact \d+s ago\)$/m,
    );
    expect(table.stdout).toMatch(/^lost\s+kept\s+\S+(?: \S+)? \(stale\)/m);
  });

  it("exits 0 with a row for each host even when every host failed", async () => {
    const run = await moor(world, ["ls", "bare", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      hosts: [
        {
          host: "bare",
          state: "error",
          error: expect.stringMatching(/tmux is not installed on bare/) as unknown,
          exitCode: 6,
          sessions: [],
        },
      ],
    });
  });

  it("with no hosts registered, says so on stderr and prints no data", async () => {
    const run = await moor(makeWorld(), ["ls"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("moor: no hosts yet: add one with moor host add NAME user@hostname\n");
    const json = await moor(makeWorld(), ["ls", "--json"]);
    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(json.stdout)).toEqual({ hosts: [] });
  });

  it("lists a session whose window names and pane title hold unicode, tabs, \\x1f, backslashes and '|'", async () => {
    const names = await addOddSession(alpha, "odd");
    try {
      const run = await moor(world, ["ls", "alpha", "--json"]);
      expect(run.stderr).toBe("");
      const odd = (JSON.parse(run.stdout) as LsJson).hosts[0]?.sessions.find((session) => session.name === "odd");
      expect(odd?.windows.map((window) => window.name)).toEqual(names);
      const table = await moor(world, ["ls", "alpha"]);
      expect(table.stdout.split("\n").find((row) => row.startsWith("alpha  odd"))).toMatch(
        /(working|idle) .* 2 +日本語 ✓/,
      );
    } finally {
      await alpha.exec(["tmux", "kill-session", "-t", "=odd"]);
    }
  });

  it("refuses an unknown HOST with exit 5, and a session target with exit 2, before contacting anything", async () => {
    const run = await moor(world, ["ls", "alpha", "nowhere"]);
    expect(run.code).toBe(5);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/unknown host "nowhere"/);
    const bad = await moor(world, ["ls", "alpha:s1"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
  });
});
