import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";

import { usageError } from "../errors.js";
import { hostKeyLookupName } from "./knownHostsMatch.js";
import { parseKnownHosts, type KnownHostEntry } from "./knownHostsParse.js";

// The known_hosts file on disk: read it, and add a line to it without ever rewriting what is there.

export { fingerprintSha256, parseHostKeyBlob } from "./fingerprint.js";
export { checkHostKey, hostKeyAlgorithmsFor, knownKeyTypesFor } from "./hostKeyCheck.js";
export { changedHostKeyError, changedKeyTypeError, revokedHostKeyError, unknownHostKeyError } from "./hostKeyErrors.js";
export { type KnownHostEntry } from "./knownHostsParse.js";

/** The entries of a known_hosts file; a missing file is simply empty (every host is then unknown). */
export async function readKnownHosts(file: string): Promise<KnownHostEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw usageError(`cannot read the known_hosts file ${file}`, {
      hint: "check its permissions, or pass another file with --known-hosts",
      cause: error,
    });
  }
  return parseKnownHosts(text, file);
}

/** One plain known_hosts line, named the way OpenSSH looks it up (lowercase, "[host]:port" off port 22). */
export function formatKnownHostsLine(host: string, port: number, type: string, base64: string): string {
  return `${hostKeyLookupName(host.toLowerCase(), port)} ${type} ${base64}`;
}

/** Appends one line, creating the file (0600) and its directory (0700) when missing; never rewrites. */
export async function appendKnownHost(file: string, line: string): Promise<void> {
  if (/[\r\n]/.test(line)) throw new TypeError("a known_hosts line cannot contain a line break");
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const existing = await readFile(file).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return Buffer.alloc(0);
    throw error;
  });
  const separator = existing.length > 0 && existing.at(-1) !== 0x0a ? "\n" : "";
  await appendFile(file, `${separator}${line}\n`, { mode: 0o600 });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
