import { describe, expect, it } from "vitest";

import { ExitCode, MoorError } from "../../../src/errors.js";
import { fingerprintSha256, keyBlobType, keyTypeLabel, parseHostKeyBlob } from "../../../src/ssh/fingerprint.js";
import { hostKey, keygenFingerprint, type HostKeyName } from "./fixtures.js";

const NAMES: HostKeyName[] = ["ed25519_a", "ed25519_b", "rsa", "ecdsa", "revoked"];

describe("fingerprintSha256", () => {
  it.each(NAMES)("prints the %s key exactly as ssh-keygen -lf", (name) => {
    expect(fingerprintSha256(hostKey(name).data)).toBe(keygenFingerprint(name));
  });
});

describe("parseHostKeyBlob", () => {
  it.each(NAMES)("reads the key type from the %s wire blob", (name) => {
    const key = hostKey(name);
    expect(parseHostKeyBlob(key.data)).toEqual({ type: key.type, data: key.data });
  });

  it.each([
    ["empty", Buffer.alloc(0)],
    ["a length past the end", Buffer.from([0, 0, 0, 9, 0x73, 0x73, 0x68])],
    ["a zero length", Buffer.from([0, 0, 0, 0])],
    ["a non-printable type", Buffer.from([0, 0, 0, 2, 0x0a, 0x00])],
  ])("refuses a blob with %s (exit 4)", (_what, blob) => {
    expect(keyBlobType(blob)).toBeUndefined();
    expect(() => parseHostKeyBlob(blob)).toThrow(MoorError);
    try {
      parseHostKeyBlob(blob);
    } catch (error) {
      expect((error as MoorError).exitCode).toBe(ExitCode.auth);
    }
  });
});

describe("keyTypeLabel", () => {
  it.each([
    ["ssh-ed25519", "ED25519"],
    ["ssh-rsa", "RSA"],
    ["ecdsa-sha2-nistp384", "ECDSA"],
    ["something-else", "something-else"],
  ])("%s -> %s", (type, label) => {
    expect(keyTypeLabel(type)).toBe(label);
  });
});
