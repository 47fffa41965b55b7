import { createHash } from "node:crypto";

import { authError } from "../errors.js";

// Host key identity: the key type inside an SSH wire blob, and the fingerprint users compare by eye.

export interface HostKey {
  /** The key type named inside the blob, e.g. "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256". */
  type: string;
  /** The whole public key blob, as known_hosts stores it in base64. */
  data: Buffer;
}

/** The first SSH string of a public key blob (its type), or undefined when the blob is malformed. */
export function keyBlobType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return undefined;
  const type = blob.toString("latin1", 4, 4 + length);
  return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}

/** What ssh2's hostVerifier receives is the raw blob: refuse one we cannot read rather than guess. */
export function parseHostKeyBlob(blob: Buffer): HostKey {
  const type = keyBlobType(blob);
  if (type === undefined) {
    throw authError("the server sent a malformed host key", {
      hint: "check that the port is an SSH server's",
    });
  }
  return { type, data: blob };
}

/** "SHA256:<base64 without padding>", exactly as `ssh-keygen -lf` prints it. */
export function fingerprintSha256(data: Buffer): string {
  return `SHA256:${createHash("sha256").update(data).digest("base64").replace(/=+$/, "")}`;
}

const TYPE_LABELS: Record<string, string> = {
  "ssh-ed25519": "ED25519",
  "ssh-rsa": "RSA",
  "ssh-dss": "DSA",
  "ecdsa-sha2-nistp256": "ECDSA",
  "ecdsa-sha2-nistp384": "ECDSA",
  "ecdsa-sha2-nistp521": "ECDSA",
  "sk-ssh-ed25519@openssh.com": "ED25519-SK",
  "sk-ecdsa-sha2-nistp256@openssh.com": "ECDSA-SK",
};

/** The short name OpenSSH shows for a key type ("ED25519", "RSA", "ECDSA"). */
export function keyTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}
