import { describe, expect, it } from "vitest";

import { ExitCode } from "../../../src/errors.js";
import { changedHostKeyError, revokedHostKeyError, unknownHostKeyError } from "../../../src/ssh/hostKeyErrors.js";
import { parseKnownHosts } from "../../../src/ssh/knownHostsParse.js";
import { hostKey, keygenFingerprint, readFixture } from "./fixtures.js";

const FILE = "/home/me/.ssh/known_hosts";
const entries = parseKnownHosts(readFixture("known_hosts"), FILE);
const line = (n: number) => entries.filter((entry) => entry.line === n);

describe("changedHostKeyError", () => {
  it("says what was offered and what known_hosts has, with the ssh-keygen -R line to fix it", () => {
    const offered = keygenFingerprint("ed25519_b");
    const error = changedHostKeyError("box1", "127.0.0.1", 2222, FILE, line(4), "ssh-ed25519", offered);
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(
      `REMOTE HOST IDENTIFICATION HAS CHANGED for box1 ([127.0.0.1]:2222): offered ED25519 key ${offered}, ` +
        `known_hosts has ${keygenFingerprint("ed25519_a")} at ${FILE}:4`,
    );
    expect(error.hint).toBe(
      `if the change is expected, remove the old line with: ssh-keygen -R '[127.0.0.1]:2222' -f ${FILE}`,
    );
  });

  it("names a port-22 host once when the label is the host, and lists every expected key", () => {
    const error = changedHostKeyError(
      "box1.example",
      "box1.example",
      22,
      FILE,
      [...line(3), ...line(10)],
      "ssh-ed25519",
      "SHA256:x",
    );
    expect(error.message).toMatch(/^REMOTE HOST IDENTIFICATION HAS CHANGED for box1\.example: /);
    expect(error.message).toMatch(new RegExp(`at ${FILE}:3 and SHA256:\\S+ at ${FILE}:10$`));
    expect(error.hint).toBe(
      `if the change is expected, remove the old line with: ssh-keygen -R box1.example -f ${FILE}`,
    );
  });
});

describe("unknownHostKeyError", () => {
  it("shows the fingerprint to check and how to accept it", () => {
    const error = unknownHostKeyError("box1", "10.0.0.5", 22, FILE, "ssh-ed25519", "SHA256:abc");
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(`the host key of box1 (10.0.0.5) is not in ${FILE}: offered ED25519 key SHA256:abc`);
    expect(error.hint).toBe("check the fingerprint, then run again with --accept-new (moor host add ... --accept-new)");
  });

  it("mentions the other key types known for the host", () => {
    const error = unknownHostKeyError("r", "rsaonly.example", 22, FILE, "ssh-ed25519", "SHA256:abc", ["ssh-rsa"]);
    expect(error.message).toContain("(it has only RSA keys for it)");
  });
});

describe("revokedHostKeyError", () => {
  it("names the @revoked line", () => {
    const revoked = line(12)[0];
    const fingerprint = keygenFingerprint("revoked");
    const error = revokedHostKeyError("box1", "box1.example", 22, FILE, hostKey("revoked").type, fingerprint, revoked);
    expect(error.exitCode).toBe(ExitCode.auth);
    expect(error.message).toBe(
      `the host key of box1 (box1.example) is REVOKED: offered ED25519 key ${fingerprint} is marked @revoked at ${FILE}:12`,
    );
  });
});
