import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor } from "../support/cli.js";
import { generateClientKey } from "../support/keys.js";
import { TMUX_RELEASES, defaultRelease } from "../support/tmuxReleases.js";

let box: Box;
let bare: Box;

beforeAll(async () => {
  [box, bare] = await Promise.all([startBox(), startBox({ tmux: false })]);
});

afterAll(async () => {
  await Promise.all([box?.stop(), bare?.stop()]);
});

describe("moor host", () => {
  it("adds, lists, tests and removes a host with key auth", async () => {
    const world = makeWorld();
    await addBox(world, "box.one", box);
    const list = await moor(world, ["host", "ls", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      { name: "box.one", hostname: "127.0.0.1", user: "moor", port: box.port, identityFile: box.privateKeyPath },
    ]);
    const test = await moor(world, ["host", "test", "box.one", "--json"]);
    expect(test.stderr).toBe("");
    expect(test.code).toBe(0);
    const report = JSON.parse(test.stdout) as {
      tmux: string;
      tmuxTested: boolean;
      auth: string;
      hostKey: { status: string };
      rttMs: number;
    };
    // The box runs the release this run is about (MOOR_TEST_TMUX), and moor knows it was tested against it.
    const tmux = `tmux ${TMUX_RELEASES[defaultRelease()].tmux}`;
    expect(report).toMatchObject({ tmux, tmuxTested: true });
    expect((await moor(world, ["host", "test", "box.one"])).stdout).toMatch(
      new RegExp(`^tmux {6}${tmux} \\(tested\\)$`, "m"),
    );
    expect(report.auth).toBe(`publickey ${box.privateKeyPath}`);
    expect(report.hostKey.status).toBe("known");
    expect(report.rttMs).toBeGreaterThan(0);
    expect((await moor(world, ["host", "rm", "box.one"])).code).toBe(0);
    expect((await moor(world, ["host", "rm", "box.one"])).code).toBe(5);
  });

  it("refuses an unknown host key (exit 4), records it with --accept-new, then needs no flag", async () => {
    const world = makeWorld();
    const dest = `${box.user}@${box.host}`;
    const add = await moor(world, ["host", "add", "b", dest, "-p", String(box.port), "-i", box.privateKeyPath]);
    expect(add.code).toBe(0);
    const refused = await moor(world, ["host", "test", "b"]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/--accept-new/);
    const accepted = await moor(world, [
      "host",
      "add",
      "b",
      dest,
      "-p",
      String(box.port),
      "-i",
      box.privateKeyPath,
      "--accept-new",
    ]);
    expect(accepted.stderr).toBe("");
    expect(accepted.code).toBe(0);
    expect(readFileSync(world.knownHosts, "utf8")).toContain(
      `[127.0.0.1]:${box.port} ssh-ed25519 ${box.hostKey.base64}`,
    );
    const again = await moor(world, ["host", "test", "b"]);
    expect(again.code).toBe(0);
  });

  it("says a known_hosts file it cannot write to is the user's to fix (exit 2, naming it), not an unreachable box", async () => {
    const world = makeWorld();
    const add = await moor(world, [
      "--known-hosts",
      "/proc/version",
      "host",
      "add",
      "x",
      `${box.user}@${box.host}`,
      "-p",
      String(box.port),
      "-i",
      box.privateKeyPath,
      "--accept-new",
    ]);
    expect(add.code).toBe(2);
    expect(add.stderr).toMatch(/cannot record the host key of x in \/proc\/version/);
    expect(add.stderr).not.toMatch(/unreachable/);
  });

  it("refuses a changed host key loudly with exit 4, even with --accept-new", async () => {
    const changing = await startBox();
    try {
      const world = makeWorld();
      await addBox(world, "c", changing);
      await changing.replaceHostKey();
      const run = await moor(world, ["host", "test", "c"]);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/CHANGED/);
      expect(run.stderr).toMatch(/SHA256:/);
      expect(run.stderr).toContain(world.knownHosts);
      const forced = await moor(world, [
        "host",
        "add",
        "c",
        `moor@127.0.0.1`,
        "-p",
        String(changing.port),
        "-i",
        changing.privateKeyPath,
        "--accept-new",
      ]);
      expect(forced.code).toBe(4);
    } finally {
      await changing.stop();
    }
  });

  it("fails with exit 4 for a key the box does not trust", async () => {
    const world = makeWorld();
    const stranger = generateClientKey("stranger");
    appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
    await moor(world, ["host", "add", "s", `moor@127.0.0.1`, "-p", String(box.port), "-i", stranger.privateKeyPath]);
    const run = await moor(world, ["host", "test", "s"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/authentication failed for moor@s/);
  });

  it("authenticates through a real ssh-agent", async () => {
    const world = makeWorld();
    const socket = join(world.home, "agent.sock");
    const agentOut = execFileSync("ssh-agent", ["-a", socket], { encoding: "utf8" });
    const pid = /SSH_AGENT_PID=(\d+)/.exec(agentOut)?.[1];
    try {
      execFileSync("ssh-add", [box.privateKeyPath], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        stdio: "ignore",
      });
      appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
      await moor(world, ["host", "add", "a", `moor@127.0.0.1`, "-p", String(box.port)]);
      const run = await moor(world, ["host", "test", "a", "--json"], { env: { SSH_AUTH_SOCK: socket } });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toMatchObject({ auth: "agent" });
    } finally {
      if (pid) process.kill(Number(pid));
    }
  });

  it("fails clearly with exit 4 for an encrypted key when no passphrase can be asked", async () => {
    const world = makeWorld();
    const keyPath = join(world.home, "id_enc");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret", "-f", keyPath]);
    appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
    await moor(world, ["host", "add", "e", `moor@127.0.0.1`, "-p", String(box.port), "-i", keyPath]);
    const run = await moor(world, ["host", "test", "e"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/encrypted/);
    expect(run.stderr).toMatch(/ssh-add/);
  });

  it("says tmux is missing with exit 6 and how to install it", async () => {
    const world = makeWorld();
    await addBox(world, "bare", bare);
    const run = await moor(world, ["host", "test", "bare"]);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/tmux is not installed on bare/);
    expect(run.stderr).toMatch(/install/);
  });

  it("reaches a box through a jump box (ProxyJump)", async () => {
    const world = makeWorld();
    await addBox(world, "jumpbox", bare);
    appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
    const add = await moor(world, [
      "host",
      "add",
      "inner",
      "moor@127.0.0.1",
      "-p",
      String(box.port),
      "-i",
      box.privateKeyPath,
      "-J",
      "jumpbox",
    ]);
    expect(add.code).toBe(0);
    const run = await moor(world, ["host", "test", "inner", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ tmux: expect.stringMatching(/^tmux 3\./) as unknown });
  });

  it("resolves an alias from ~/.ssh/config", async () => {
    const world = makeWorld();
    appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
    writeFileSync(
      join(world.home, ".ssh", "config"),
      `Host devbox\n  HostName 127.0.0.1\n  User moor\n  Port ${box.port}\n  IdentityFile ${box.privateKeyPath}\n`,
    );
    const run = await moor(world, ["host", "test", "devbox", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("says an unknown host is not found (exit 5) with a hint", async () => {
    const run = await moor(makeWorld(), ["host", "test", "nowhere"]);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/unknown host "nowhere"/);
    expect(run.stderr).toMatch(/moor host add nowhere/);
  });

  it("reports a corrupted registry naming the file, exit 2, and leaves it untouched", async () => {
    const world = makeWorld();
    mkdirSync(world.configDir, { recursive: true });
    const file = join(world.configDir, "hosts.json");
    writeFileSync(file, "{ not json");
    const run = await moor(world, ["host", "add", "x", "moor@127.0.0.1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readFileSync(file, "utf8")).toBe("{ not json");
  });

  it("refuses bad input before touching anything", async () => {
    const world = makeWorld();
    expect((await moor(world, ["host", "add", "bad name", "moor@127.0.0.1"])).code).toBe(2);
    expect((await moor(world, ["host", "add", "x", "moor@127.0.0.1", "-p", "99999"])).code).toBe(2);
    expect((await moor(world, ["host", "add", "x", "moor@host with space"])).code).toBe(2);
    expect((await moor(world, ["host", "ls", "--json"])).stdout).toBe("[]\n");
  });
});
