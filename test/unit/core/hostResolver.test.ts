import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HostStore } from "../../../src/config/hostStore.js";
import { ExitCode } from "../../../src/core/errors.js";
import { resolveHost, type ResolverEnv } from "../../../src/core/hostResolver.js";

function env(sshConfigText?: string): ResolverEnv {
  const store = new HostStore(mkdtempSync(join(tmpdir(), "moor-resolve-")));
  return { store, home: "/home/me", localUser: "me", ...(sshConfigText === undefined ? {} : { sshConfigText }) };
}

describe("resolveHost", () => {
  it("takes a registered host first, with moor's keepalive defaults", () => {
    const e = env("Host gpu1\n  HostName elsewhere\n");
    e.store.put({ name: "gpu1", hostname: "10.0.0.1", port: 2222, identityFile: "/k" });
    expect(resolveHost("gpu1", e)).toEqual({
      label: "gpu1", hostname: "10.0.0.1", port: 2222, user: "me", identityFiles: ["/k"], keepaliveIntervalMs: 2000, keepaliveCountMax: 2,
    });
  });

  it("falls back to an ~/.ssh/config alias, reading ServerAlive settings as keepalive", () => {
    const spec = resolveHost("dev", env("Host dev\n  HostName dev.example.com\n  User ann\n  Port 2200\n  ServerAliveInterval 5\n  ServerAliveCountMax 3\n"));
    expect(spec).toMatchObject({ label: "dev", hostname: "dev.example.com", user: "ann", port: 2200, keepaliveIntervalMs: 5000, keepaliveCountMax: 3 });
  });

  it("resolves a ProxyJump chain so the last hop carries the target", () => {
    const spec = resolveHost("inner", env("Host inner\n  HostName 10.1.1.1\n  ProxyJump ann@bastion1:2201,bastion2\n"));
    expect(spec.jump).toMatchObject({ label: "bastion2", hostname: "bastion2", port: 22, user: "me" });
    expect(spec.jump?.jump).toMatchObject({ label: "ann@bastion1:2201", hostname: "bastion1", port: 2201, user: "ann" });
  });

  it("uses a registered host as a jump by name", () => {
    const e = env();
    e.store.put({ name: "jumpbox", hostname: "1.2.3.4", user: "j" });
    e.store.put({ name: "inner", hostname: "10.0.0.9", jump: "jumpbox" });
    expect(resolveHost("inner", e).jump).toMatchObject({ label: "jumpbox", hostname: "1.2.3.4", user: "j" });
  });

  it("refuses a jump loop instead of recursing forever", () => {
    const e = env();
    e.store.put({ name: "a", hostname: "a", jump: "b" });
    e.store.put({ name: "b", hostname: "b", jump: "a" });
    expect(() => resolveHost("a", e)).toThrow(/jump host loop: a -> b -> a/);
  });

  it("says a name known nowhere is not found (exit 5), with the command to register it", () => {
    expect(() => resolveHost("nowhere", env("Host *\n  User x\n"))).toThrow(expect.objectContaining({ exitCode: ExitCode.notFound, hint: "register it with: moor host add nowhere user@hostname" }) as Error);
  });
});
