import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostLink } from "../../src/link/hostLink.js";
import { FOREVER_RETRY, type LinkState } from "../../src/link/linkState.js";
import { openSsh } from "../../src/ssh/connect.js";
import type { ConnectSpec } from "../../src/ssh/types.js";
import { startBox, type Box } from "../support/box.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";

let box: Box;
let flaky: FlakyLink;
let knownHosts: string;
const home = mkdtempSync(join(tmpdir(), "moor-link-home-"));

beforeAll(async () => {
  box = await startBox();
  flaky = await startFlakyLink(box.host, box.port);
  knownHosts = join(home, "known_hosts");
  writeFileSync(knownHosts, `${box.knownHostsLine()}\n${box.knownHostsLine(flaky.port)}\n`);
});

afterAll(async () => {
  await flaky?.close();
  await box?.stop();
});

function spec(port: number): ConnectSpec {
  return {
    label: "box",
    hostname: box.host,
    port,
    user: box.user,
    identityFiles: [box.privateKeyPath],
    keepaliveIntervalMs: 1_000,
    keepaliveCountMax: 2,
  };
}

function makeLink(port: number, reconnect = false): HostLink {
  return new HostLink({
    label: "box",
    retry: FOREVER_RETRY,
    reconnect,
    quietAfterMs: 1_500,
    ...(reconnect ? { staggerMs: 1_000 } : {}),
    connect: (signal) =>
      openSsh(spec(port), {
        knownHostsFile: knownHosts,
        acceptNew: false,
        home,
        readyTimeoutMs: 10_000,
        handshakeTimeoutMs: 3_000,
        signal,
      }),
  });
}

function waitForState(link: HostLink, kind: LinkState["kind"], timeoutMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (link.state.kind === kind) return resolve(0);
    const timer = setTimeout(
      () => reject(new Error(`link not ${kind} within ${timeoutMs} ms (now ${link.state.kind})`)),
      timeoutMs,
    );
    link.events.on("state", (state) => {
      if (state.kind !== kind) return;
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

describe("HostLink against a real sshd", () => {
  it("runs 30 concurrent commands on one connection, all succeeding (channels queue under MaxSessions)", async () => {
    const link = makeLink(box.port);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => link.exec(["sh", "-c", `sleep 0.2; echo "$1"`, "sh", `n${i}`])),
    );
    expect(results.map((r) => r.stdout.toString().trim())).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}`));
    expect(results.every((r) => r.code === 0)).toBe(true);
    link.close();
  });

  it("returns stdout, stderr and the exit code, with arguments arriving exactly", async () => {
    const link = makeLink(box.port);
    const tricky = `it's "$HOME" \`id\` $(id) ; | & < > \n 日本`;
    const result = await link.exec(["sh", "-c", 'printf %s "$1"; echo oops >&2; exit 7', "sh", tricky]);
    expect(result.stdout.toString()).toBe(tricky);
    expect(result.stderr.toString()).toBe("oops\n");
    expect(result.code).toBe(7);
    link.close();
  });

  it("notices a blackholed link within 10 s, and after up the next exec works without the caller retrying", async () => {
    const link = makeLink(flaky.port, true);
    await link.exec(["true"]);
    await flaky.setMode("blackhole");
    const downAfter = await waitForState(link, "down", 10_000);
    await flaky.setMode("up");
    const t0 = Date.now();
    const result = await link.exec(["echo", "back"]);
    const upToExec = Date.now() - t0;
    expect(result.stdout.toString()).toBe("back\n");
    console.log(`blackhole -> down: ${downAfter} ms; up -> working exec: ${upToExec} ms`);
    expect(downAfter).toBeLessThan(10_000);
    link.close();
  });

  it("is back within 3 s of the network returning, even after reconnect attempts hung in the blackhole", async () => {
    const link = makeLink(flaky.port, true);
    await link.exec(["true"]);
    await flaky.setMode("blackhole");
    await waitForState(link, "down", 10_000);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await flaky.setMode("up");
    const t0 = Date.now();
    await waitForState(link, "up", 3_000);
    const result = await link.exec(["echo", "ok"]);
    const restored = Date.now() - t0;
    console.log(`after a 6 s outage with hung attempts: up -> working exec ${restored} ms`);
    expect(result.stdout.toString()).toBe("ok\n");
    expect(restored).toBeLessThan(3_000);
    link.close();
  });
});
