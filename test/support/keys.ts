import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ssh2 from "ssh2";

// A client key pair on disk, in the OpenSSH formats ssh, sshd and ssh2 all read.
export interface ClientKey {
  /** OpenSSH private key text ("-----BEGIN OPENSSH PRIVATE KEY-----"), unencrypted. */
  privateKey: string;
  privateKeyPath: string;
  /** One authorized_keys line: "ssh-ed25519 AAAA... comment". */
  publicKey: string;
}

let keyDir: string | undefined;
let runKey: ClientKey | undefined;

function ownKeyDir(): string {
  if (keyDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "moor-test-keys-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    keyDir = dir;
  }
  return keyDir;
}

// A fresh ed25519 key written with mode 0600, for tests that need a key the boxes do not trust.
export function generateClientKey(name = "extra"): ClientKey {
  // ssh2 now and then makes a key its own parser calls malformed (seen once in CI): make another.
  let pair = ssh2.utils.generateKeyPairSync("ed25519", { comment: `moor-test-${name}` });
  for (let tries = 1; ssh2.utils.parseKey(pair.private) instanceof Error && tries < 5; tries++) {
    pair = ssh2.utils.generateKeyPairSync("ed25519", { comment: `moor-test-${name}` });
  }
  const privateKeyPath = join(ownKeyDir(), `id_ed25519_${name}`);
  writeFileSync(privateKeyPath, pair.private, { mode: 0o600 });
  writeFileSync(`${privateKeyPath}.pub`, `${pair.public}\n`, { mode: 0o644 });
  return { privateKey: pair.private, privateKeyPath, publicKey: pair.public.trim() };
}

// The key every box trusts: made once per test process, so no developer key is ever involved.
export function clientKey(): ClientKey {
  runKey ??= generateClientKey("run");
  return runKey;
}
