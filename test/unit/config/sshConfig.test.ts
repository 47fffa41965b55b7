import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ExitCode, MoorError } from "../../../src/errors.js";
import { resolveSshConfigHost, type SshConfigHost } from "../../../src/config/sshConfig.js";
import { FIXTURES, readFixture } from "../ssh/fixtures.js";

// ssh_config.G.json was recorded with `ssh -G ALIAS -F ssh_config` as root (home /root, user root).
const AS_ROOT = { home: "/root", user: "root" };
const CONFIG = readFixture("ssh_config").replaceAll("@FIXTURES@", FIXTURES);
const G = JSON.parse(readFixture("ssh_config.G.json")) as Record<string, Record<string, string[]>>;

// ssh -G prints IdentityFile as written; these are the paths ssh would then load for the fixture.
const EXPANDED_IDENTITY: Record<string, string> = {
  "~/.ssh/%h_%r_%u_%p_%n_%%": "/root/.ssh/tokens.example.net_tok_root_2022_tokens_%",
};

// What moor's answer means in ssh -G's terms, defaults filled in as ssh fills them.
function asSshG(host: SshConfigHost): Record<string, string[]> {
  const defaults = ["id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa"];
  return {
    hostname: [host.hostname],
    user: [host.user ?? "root"],
    port: [String(host.port ?? 22)],
    identityfile: host.identityFiles.length > 0 ? host.identityFiles : defaults.map((name) => `/root/.ssh/${name}`),
    ...(host.proxyJump === undefined ? {} : { proxyjump: [host.proxyJump] }),
    identitiesonly: [host.identitiesOnly === true ? "yes" : "no"],
    userknownhostsfile: [host.userKnownHostsFile ?? "/root/.ssh/known_hosts"],
    serveraliveinterval: [String(host.serverAliveInterval ?? 0)],
    serveralivecountmax: [String(host.serverAliveCountMax ?? 3)],
  };
}

function sshG(alias: string): Record<string, string[]> {
  const recorded = G[alias] ?? {};
  const expand = (path: string) => EXPANDED_IDENTITY[path] ?? path.replace(/^~\//, "/root/");
  return {
    ...recorded,
    identityfile: (recorded.identityfile ?? []).map(expand),
    // moor keeps the first UserKnownHostsFile only.
    userknownhostsfile: [(recorded.userknownhostsfile?.[0] ?? "").split(" ")[0] ?? ""],
  };
}

describe("resolveSshConfigHost agrees with ssh -G", () => {
  it.each(["box1", "box2", "jumped", "bastion-1", "a.corp", "tokens", "matched", "included"])("%s", (alias) => {
    const host = resolveSshConfigHost(alias, CONFIG, AS_ROOT);
    expect(host).toBeDefined();
    if (host !== undefined) expect(asSshG(host)).toEqual(sshG(alias));
  });

  it.each(["wildonly", "secret.corp"])("%s matches only `Host *`, so it is not an alias", (alias) => {
    expect(G[alias]).toBeDefined();
    expect(resolveSshConfigHost(alias, CONFIG, AS_ROOT)).toBeUndefined();
  });

  it("returns exactly the fields that are set", () => {
    expect(resolveSshConfigHost("box1", CONFIG, AS_ROOT)).toEqual({
      hostname: "127.0.0.1",
      user: "agent",
      port: 2222,
      identityFiles: ["/root/.ssh/box1_key", "/keys/with space", "/keys/shared", "/root/.ssh/global_key"],
      serverAliveInterval: 15,
      serverAliveCountMax: 5,
    });
  });
});

describe("resolveSshConfigHost", () => {
  const opts = { home: "/home/me", user: "me" };

  it("leaves unset fields out and the alias as the hostname", () => {
    expect(resolveSshConfigHost("box", "Host box\n  User u\n", opts)).toEqual({
      hostname: "box",
      user: "u",
      identityFiles: [],
    });
  });

  it("knows an alias matched only by a wildcard block when it sets HostName", () => {
    expect(resolveSshConfigHost("x", "Host *\n  HostName %h.example\n", opts)?.hostname).toBe("x.example");
    expect(resolveSshConfigHost("x", "Host *\n  User u\n", opts)).toBeUndefined();
    expect(resolveSshConfigHost("x", "", opts)).toBeUndefined();
  });

  it("matches the alias case-insensitively, as ssh lowercases it", () => {
    expect(resolveSshConfigHost("BOX", "Host box\n  Port 2\n", opts)?.port).toBe(2);
    expect(resolveSshConfigHost("box", "Host BOX\n  Port 2\n", opts)).toBeUndefined();
  });

  it("treats ProxyJump none as no jump, and the first ProxyJump wins", () => {
    expect(resolveSshConfigHost("b", "Host b\n  ProxyJump none\n  ProxyJump j\n", opts)?.proxyJump).toBeUndefined();
    expect(resolveSshConfigHost("b", "Host b\n  ProxyJump j1,j2\nHost *\n  ProxyJump k\n", opts)?.proxyJump).toBe(
      "j1,j2",
    );
  });

  it("ignores Match blocks it cannot evaluate, and never runs exec", () => {
    const text =
      'Match exec "touch /tmp/moor-should-not-exist"\n  User x\nMatch canonical\n  User y\nHost b\n  Port 3\n';
    expect(resolveSshConfigHost("b", text, opts)).toEqual({ hostname: "b", port: 3, identityFiles: [] });
  });

  it("evaluates Match negation and localuser", () => {
    const text = "Match !localuser root originalhost b\n  User notroot\nHost b\n  Port 3\n";
    expect(resolveSshConfigHost("b", text, opts)?.user).toBe("notroot");
    expect(resolveSshConfigHost("b", text, { home: "/root", user: "root" })?.user).toBeUndefined();
  });

  it("expands tokens and ~ in IdentityFile and UserKnownHostsFile", () => {
    const text = "Host b\n  HostName real\n  IdentityFile ~/k/%d|%u|%r|%h|%p|%n|%%|%C\n  UserKnownHostsFile ~/kh_%h\n";
    expect(resolveSshConfigHost("b", text, opts)).toMatchObject({
      identityFiles: ["/home/me/k//home/me|me|me|real|22|b|%|%C"],
      userKnownHostsFile: "/home/me/kh_real",
    });
  });

  it("reads IdentitiesOnly and the keepalive settings", () => {
    const text = "Host b\n  IdentitiesOnly no\n  ServerAliveInterval 10\n  ServerAliveCountMax 0\n";
    expect(resolveSshConfigHost("b", text, opts)).toMatchObject({
      identitiesOnly: false,
      serverAliveInterval: 10,
      serverAliveCountMax: 0,
    });
  });

  it("refuses a bad number naming the alias and keyword (exit 2)", () => {
    const error = (() => {
      try {
        resolveSshConfigHost("b", "Host b\n  Port twenty\n", opts);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).exitCode).toBe(ExitCode.usage);
    expect((error as MoorError).message).toBe('~/.ssh/config: bad port value "twenty" for b');
  });
});

describe("resolveSshConfigHost with Include", () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), "moor-ssh-config-"));
    await mkdir(join(home, ".ssh", "conf.d"), { recursive: true });
    await writeFile(join(home, ".ssh", "conf.d", "a.conf"), "Host inc\n  HostName inc.example\n  User first\n");
    await writeFile(join(home, ".ssh", "conf.d", "b.conf"), "Host inc\n  User second\n  Port 7\n");
    await writeFile(join(home, ".ssh", "conf.d", "c.txt"), "Host inc\n  Port 8\n");
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it("reads globbed files relative to ~/.ssh in sorted order", () => {
    const host = resolveSshConfigHost("inc", "Include conf.d/*.conf\n", { home, user: "me" });
    expect(host).toEqual({ hostname: "inc.example", user: "first", port: 7, identityFiles: [] });
  });

  it("accepts ~ and absolute paths, and ignores patterns that match nothing", () => {
    const text = `Include ~/.ssh/conf.d/b.conf ${join(home, "nothing", "*")}\n`;
    expect(resolveSshConfigHost("inc", text, { home, user: "me" })?.port).toBe(7);
  });

  it("applies nothing from a file included inside a block that does not match", () => {
    const text = "Host other\n  Include conf.d/*.conf\nHost inc\n  Port 9\n";
    expect(resolveSshConfigHost("inc", text, { home, user: "me" })).toEqual({
      hostname: "inc",
      port: 9,
      identityFiles: [],
    });
  });

  it("restores the including block's state after the include", () => {
    const text = "Host inc\n  Include conf.d/b.conf\n  IdentityFile /after\n";
    expect(resolveSshConfigHost("inc", text, { home, user: "me" })?.identityFiles).toEqual(["/after"]);
  });

  it("stops an Include loop", async () => {
    await writeFile(join(home, ".ssh", "loop.conf"), "Include loop.conf\n");
    expect(() => resolveSshConfigHost("inc", "Include loop.conf\n", { home, user: "me" })).toThrow(
      /Include nested too deeply/,
    );
  });
});
