import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ExitCode, MoorError } from "../../../src/errors.js";
import { appendKnownHost, checkHostKey, formatKnownHostsLine, readKnownHosts } from "../../../src/ssh/knownHosts.js";
import { hostKey } from "./fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "moor-known-hosts-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("formatKnownHostsLine", () => {
  it("writes the lookup name, lowercased, then type and key", () => {
    expect(formatKnownHostsLine("Box1.Example", 22, "ssh-ed25519", "AAAA")).toBe("box1.example ssh-ed25519 AAAA");
    expect(formatKnownHostsLine("127.0.0.1", 2222, "ssh-rsa", "AAAA")).toBe("[127.0.0.1]:2222 ssh-rsa AAAA");
  });
});

describe("appendKnownHost", () => {
  const key = hostKey("ed25519_a");
  const line = formatKnownHostsLine("127.0.0.1", 2222, key.type, key.base64);

  it("creates the file (0600) and its directory (0700) when missing", async () => {
    const file = join(dir, "new", ".ssh", "known_hosts");
    await appendKnownHost(file, line);
    expect(await readFile(file, "utf8")).toBe(`${line}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, "new", ".ssh"))).mode & 0o777).toBe(0o700);
  });

  it("appends after existing lines, adding the missing newline, never rewriting", async () => {
    const file = join(dir, "known_hosts");
    await writeFile(file, "# mine\nold ssh-ed25519 AAAA", { mode: 0o644 });
    await appendKnownHost(file, line);
    await appendKnownHost(file, line);
    expect(await readFile(file, "utf8")).toBe(`# mine\nold ssh-ed25519 AAAA\n${line}\n${line}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it("round-trips: the appended key is then known", async () => {
    const file = join(dir, "known_hosts");
    await appendKnownHost(file, line);
    expect(checkHostKey(await readKnownHosts(file), "127.0.0.1", 2222, key).status).toBe("known");
  });

  it("refuses a line with a line break", async () => {
    await expect(appendKnownHost(join(dir, "kh"), "a\nb")).rejects.toThrow(TypeError);
  });
});

describe("readKnownHosts", () => {
  it("treats a missing file as empty", async () => {
    expect(await readKnownHosts(join(dir, "absent"))).toEqual([]);
  });

  it("names a file it cannot read (a directory, exit 2)", async () => {
    const error = await readKnownHosts(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).exitCode).toBe(ExitCode.usage);
    expect((error as MoorError).message).toBe(`cannot read the known_hosts file ${dir}`);
  });
});
