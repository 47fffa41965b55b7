import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ExitCode, MoorError } from "../../../src/errors.js";
import { defaultIdentityFiles, loadPrivateKey } from "../../../src/ssh/identities.js";
import { fixturePath, readFixture } from "./fixtures.js";

const PLAIN = fixturePath("keys/id_ed25519_plain");
const ENCRYPTED = fixturePath("keys/id_ed25519_secret");
const ENCRYPTED_PEM = fixturePath("keys/id_rsa_pem_secret");

async function rejection(promise: Promise<unknown>): Promise<MoorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MoorError);
  return error as MoorError;
}

describe("loadPrivateKey", () => {
  it("loads an unencrypted key without asking anything", async () => {
    const ask = vi.fn(() => Promise.resolve("unused"));
    const key = await loadPrivateKey(PLAIN, ask);
    expect(key).toEqual({
      path: PLAIN,
      privateKey: Buffer.from(readFixture("keys/id_ed25519_plain")),
      type: "ssh-ed25519",
    });
    expect(ask).not.toHaveBeenCalled();
  });

  it.each([
    ["OpenSSH", ENCRYPTED, "ssh-ed25519"],
    ["PEM", ENCRYPTED_PEM, "ssh-rsa"],
  ])("asks for the passphrase of an encrypted %s key and returns it with the key", async (_format, path, type) => {
    const ask = vi.fn(() => Promise.resolve("secret"));
    const key = await loadPrivateKey(path, ask);
    expect(ask).toHaveBeenCalledWith(path);
    expect(key).toMatchObject({ path, passphrase: "secret", type });
  });

  it.each([ENCRYPTED, ENCRYPTED_PEM])("says the passphrase is wrong after three tries (%s)", async (path) => {
    const ask = vi.fn(() => Promise.resolve("not-it"));
    const error = await rejection(loadPrivateKey(path, ask));
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(`wrong passphrase for ${path}`);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it("takes a right passphrase on a later try", async () => {
    const answers = ["typo", "secret"];
    const key = await loadPrivateKey(ENCRYPTED, () => Promise.resolve(answers.shift()));
    expect(key.passphrase).toBe("secret");
  });

  it("refuses an encrypted key when no passphrase can be asked, pointing at ssh-add", async () => {
    const error = await rejection(loadPrivateKey(ENCRYPTED));
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(`the key ${ENCRYPTED} is encrypted and no passphrase can be asked (no TTY)`);
    expect(error.hint).toBe(`add it to ssh-agent with ssh-add ${ENCRYPTED}`);
  });

  it("refuses an encrypted key when the prompt gives no passphrase", async () => {
    const error = await rejection(loadPrivateKey(ENCRYPTED, () => Promise.resolve(undefined)));
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(`the key ${ENCRYPTED} is encrypted and no passphrase was given`);
  });

  it("never puts the passphrase in the error", async () => {
    const error = await rejection(loadPrivateKey(ENCRYPTED, () => Promise.resolve("hunter2-passphrase")));
    expect(JSON.stringify({ message: error.message, hint: error.hint })).not.toContain("hunter2");
  });

  it("names a missing file (exit 2)", async () => {
    const error = await rejection(loadPrivateKey("/nonexistent/id_ed25519"));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toBe("cannot read the identity file /nonexistent/id_ed25519: no such file");
  });

  it("names a file that is not a private key (exit 2)", async () => {
    const error = await rejection(loadPrivateKey(fixturePath("keys/host_ed25519_a.pub")));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toMatch(/^the identity file \S+host_ed25519_a\.pub is not a private key moor can read: /);
  });

  it("names a file that is not a key at all (exit 2)", async () => {
    const error = await rejection(loadPrivateKey(fixturePath("known_hosts")));
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});

describe("defaultIdentityFiles", () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), "moor-home-"));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it("is empty without ~/.ssh", () => {
    expect(defaultIdentityFiles(home)).toEqual([]);
  });

  it("lists the existing default keys in OpenSSH's order (rsa, ecdsa, ed25519)", async () => {
    await mkdir(join(home, ".ssh"));
    await copyFile(PLAIN, join(home, ".ssh", "id_ed25519"));
    await writeFile(join(home, ".ssh", "id_rsa"), "");
    await writeFile(join(home, ".ssh", "id_dsa"), "");
    expect(defaultIdentityFiles(home)).toEqual([join(home, ".ssh", "id_rsa"), join(home, ".ssh", "id_ed25519")]);
  });
});
