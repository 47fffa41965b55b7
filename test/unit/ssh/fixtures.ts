import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { HostKey } from "../../../src/ssh/fingerprint.js";

// The vectors made by fixtures/make-fixtures.sh with the real ssh-keygen and ssh.

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

export const fixturePath = (name: string): string => join(FIXTURES, name);

export const readFixture = (name: string): string => readFileSync(fixturePath(name), "utf8");

export type HostKeyName = "ed25519_a" | "ed25519_b" | "rsa" | "ecdsa" | "revoked";

/** A host public key as the server presents it (type and wire blob). */
export function hostKey(name: HostKeyName): HostKey & { base64: string } {
  const [type, base64] = readFixture(`keys/host_${name}.pub`).split(" ");
  if (type === undefined || base64 === undefined) throw new Error(`bad fixture keys/host_${name}.pub`);
  return { type, base64, data: Buffer.from(base64, "base64") };
}

/** What `ssh-keygen -lf` printed for the host key: "SHA256:...". */
export function keygenFingerprint(name: HostKeyName): string {
  const line = readFixture("fingerprints.txt")
    .split("\n")
    .find((l) => l.includes(` host_${name} `));
  const fingerprint = line?.split(" ")[1];
  if (fingerprint === undefined) throw new Error(`no fingerprint for ${name}`);
  return fingerprint;
}
