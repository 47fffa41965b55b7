import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HostStore } from "../../../src/config/hostStore.js";
import { ExitCode } from "../../../src/errors.js";
import { resolveHost, specFromRecord, type ResolverEnv } from "../../../src/core/hostResolver.js";

function env(sshConfigText?: string): ResolverEnv {
  const store = new HostStore(mkdtempSync(join(tmpdir(), "moor-resolve-")));
  return { store, home: "/home/me", localUser: "me", ...(sshConfigText === undefined ? {} : { sshConfigText }) };
}

describe("resolveHost", () => {
  it("takes a registered host first, with moor's keepalive defaults", () => {
    const e = env("Host gpu1\n  HostName elsewhere\n");
    e.store.put({ name: "gpu1", hostname: "10.0.0.1", port: 2222, identityFile: "/k" });
    expect(resolveHost("gpu1", e)).toEqual({
      label: "gpu1",
      hostname: "10.0.0.1",
      port: 2222,
      user: "me",
      identityFiles: ["/k"],
      keepaliveIntervalMs: 2000,
      keepaliveCountMax: 2,
    });
  });

  it("falls back to an ~/.ssh/config alias, reading ServerAlive settings as keepalive", () => {
    const spec = resolveHost(
      "dev",
      env(
        "Host dev\n  HostName dev.example.com\n  User ann\n  Port 2200\n  ServerAliveInterval 5\n  ServerAliveCountMax 3\n",
      ),
    );
    expect(spec).toMatchObject({
      label: "dev",
      hostname: "dev.example.com",
      user: "ann",
      port: 2200,
      keepaliveIntervalMs: 5000,
      keepaliveCountMax: 3,
    });
  });

  it("resolves a ProxyJump chain so the last hop carries the target", () => {
    const spec = resolveHost("inner", env("Host inner\n  HostName 10.1.1.1\n  ProxyJump ann@bastion1:2201,bastion2\n"));
    expect(spec.jump).toMatchObject({ label: "bastion2", hostname: "bastion2", port: 22, user: "me" });
    expect(spec.jump?.jump).toMatchObject({
      label: "ann@bastion1:2201",
      hostname: "bastion1",
      port: 2201,
      user: "ann",
    });
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
    expect(() => resolveHost("nowhere", env("Host *\n  User x\n"))).toThrow(
      expect.objectContaining({
        exitCode: ExitCode.notFound,
        hint: "register it with: moor host add nowhere user@hostname",
      }) as Error,
    );
  });

  it("refuses a jump loop through ~/.ssh/config aliases instead of reading a hop as a literal host", () => {
    const e = env("Host a\n  HostName a.example\n  ProxyJump b\nHost b\n  HostName b.example\n  ProxyJump a\n");
    expect(() => resolveHost("a", e)).toThrow(/jump host loop: a -> b -> a/);
  });
});

describe("specFromRecord", () => {
  it("resolves a literal [user@]host[:port] jump that is not registered (host add -J ... --accept-new)", () => {
    const spec = specFromRecord({ name: "x", hostname: "10.0.0.9", user: "moor", jump: "me@127.0.0.1:2222" }, env());
    expect(spec).toMatchObject({ label: "x", hostname: "10.0.0.9", user: "moor", port: 22 });
    expect(spec.jump).toEqual({
      label: "me@127.0.0.1:2222",
      hostname: "127.0.0.1",
      port: 2222,
      user: "me",
      identityFiles: [],
      keepaliveIntervalMs: 2000,
      keepaliveCountMax: 2,
    });
  });

  it("resolves a registered or aliased jump, and refuses a record that jumps through itself", () => {
    const e = env("Host bastion\n  HostName bastion.example\n  User ann\n");
    e.store.put({ name: "jumpbox", hostname: "1.2.3.4", user: "j" });
    expect(specFromRecord({ name: "x", hostname: "h", jump: "bastion,jumpbox" }, e).jump).toMatchObject({
      label: "jumpbox",
      jump: { label: "bastion", hostname: "bastion.example", user: "ann" },
    });
    e.store.put({ name: "back", hostname: "b", jump: "x" });
    expect(() => specFromRecord({ name: "x", hostname: "h", jump: "back" }, e)).toThrow(
      /jump host loop: x -> back -> x/,
    );
  });
});
