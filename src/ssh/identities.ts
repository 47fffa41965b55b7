import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import ssh2, { type ParsedKey } from "ssh2";

import type { MoorError } from "../errors.js";
import { authError, usageError } from "../errors.js";

// Private keys from identity files: which ones OpenSSH would try, and loading one (asking for its
// passphrase when it is encrypted). Neither the key nor the passphrase is ever logged.

export interface LoadedKey {
  path: string;
  /** The file's bytes, as ssh2's `privateKey` takes them. */
  privateKey: Buffer;
  /** Set only for an encrypted key, to pass along with privateKey. */
  passphrase?: string;
  /** The key type, e.g. "ssh-ed25519". */
  type: string;
}

export type AskPassphrase = (path: string) => Promise<string | undefined>;

// OpenSSH's default identities, in its order, less the kinds ssh2 cannot use (security keys, XMSS, DSA).
const DEFAULT_IDENTITIES = ["id_rsa", "id_ecdsa", "id_ed25519"];

// As many tries as OpenSSH's NumberOfPasswordPrompts default.
const PASSPHRASE_TRIES = 3;

// ssh2 is CommonJS and `utils` is not among the names Node can import from it directly.
const { utils } = ssh2;

/** The default keys that exist in ~/.ssh, in the order OpenSSH tries them. */
export function defaultIdentityFiles(home: string): string[] {
  return DEFAULT_IDENTITIES.map((name) => join(home, ".ssh", name)).filter((path) => existsSync(path));
}

/** Reads and parses a private key; an encrypted one is decrypted with a passphrase from askPassphrase. */
export async function loadPrivateKey(path: string, askPassphrase?: AskPassphrase): Promise<LoadedKey> {
  const privateKey = await readKeyFile(path);
  const plain = utils.parseKey(privateKey);
  if (!(plain instanceof Error)) return loaded(path, privateKey, plain);
  if (!isEncryptedKeyError(plain)) throw unreadableKeyError(path, plain);
  for (let attempt = 0; attempt < PASSPHRASE_TRIES; attempt++) {
    if (askPassphrase === undefined) throw noPassphraseError(path, "no passphrase can be asked (no TTY)");
    const passphrase = await askPassphrase(path);
    if (passphrase === undefined) throw noPassphraseError(path, "no passphrase was given");
    const parsed = utils.parseKey(privateKey, passphrase);
    if (!(parsed instanceof Error)) return loaded(path, privateKey, parsed, passphrase);
  }
  throw authError(`wrong passphrase for ${path}`, {
    hint: `check the passphrase, or add the key to ssh-agent with: ssh-add ${path}`,
  });
}

async function readKeyFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason =
      error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : "not readable";
    throw usageError(`cannot read the identity file ${path}: ${reason}`, {
      hint: "check the path given with -i or IdentityFile",
      cause: error,
    });
  }
}

function loaded(path: string, privateKey: Buffer, parsed: ParsedKey | ParsedKey[], passphrase?: string): LoadedKey {
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key === undefined || !key.isPrivateKey()) {
    throw unreadableKeyError(path, new Error("it holds no private key"));
  }
  return { path, privateKey, type: key.type, ...(passphrase === undefined ? {} : { passphrase }) };
}

// ssh2 says "... detected, but no passphrase given" for every encrypted format it reads.
function isEncryptedKeyError(error: Error): boolean {
  return /no passphrase given/i.test(error.message);
}

function noPassphraseError(path: string, why: string): MoorError {
  return authError(`the key ${path} is encrypted and ${why}`, {
    hint: `add it to ssh-agent with ssh-add ${path}`,
  });
}

function unreadableKeyError(path: string, cause: Error): MoorError {
  return usageError(`the identity file ${path} is not a private key moor can read: ${cause.message}`, {
    hint: "use an OpenSSH, PEM or PuTTY private key (convert with: ssh-keygen -p -f FILE)",
    cause,
  });
}
