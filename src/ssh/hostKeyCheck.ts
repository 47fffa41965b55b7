import type { HostKey } from "./fingerprint.js";
import { entryMatchesName, hostKeyLookupName } from "./knownHostsMatch.js";
import type { KnownHostEntry } from "./knownHostsParse.js";

// The host key decision: known, unknown, changed or revoked, and which key types to ask the server for.

export type HostKeyCheck =
  | { status: "known"; entry: KnownHostEntry }
  | { status: "unknown" }
  | { status: "changed"; expected: KnownHostEntry[] }
  | { status: "revoked"; entry: KnownHostEntry };

const CERT_SUFFIX = "-cert-v01@openssh.com";

/** Keys compare only within one family: a certificate type counts as its plain key type. */
export function keyTypeFamily(type: string): string {
  return type.endsWith(CERT_SUFFIX) ? type.slice(0, -CERT_SUFFIX.length) : type;
}

function sameKey(entry: KnownHostEntry, key: HostKey): boolean {
  return keyTypeFamily(entry.type) === keyTypeFamily(key.type) && entry.data.equals(key.data);
}

/** The plain (unmarked) lines that name this host, in file order. */
export function entriesForHost(entries: readonly KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  const name = hostKeyLookupName(host, port);
  return entries.filter((entry) => entry.marker === undefined && entryMatchesName(entry, name));
}

/**
 * Revoked beats everything (an @revoked key is refused for any host); "changed" needs a recorded key of the
 * same type family, so a host known only by its RSA key that offers ED25519 is "unknown", as in OpenSSH.
 */
export function checkHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  key: HostKey,
): HostKeyCheck {
  const revoked = entries.find((entry) => entry.marker === "revoked" && sameKey(entry, key));
  if (revoked !== undefined) return { status: "revoked", entry: revoked };
  const forHost = entriesForHost(entries, host, port);
  const known = forHost.find((entry) => sameKey(entry, key));
  if (known !== undefined) return { status: "known", entry: known };
  const family = keyTypeFamily(key.type);
  const expected = forHost.filter((entry) => keyTypeFamily(entry.type) === family);
  return expected.length > 0 ? { status: "changed", expected } : { status: "unknown" };
}

/** The key types known_hosts records for this host, first-seen order, no repeats. */
export function knownKeyTypesFor(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  return [...new Set(entriesForHost(entries, host, port).map((entry) => keyTypeFamily(entry.type)))];
}

// ssh2's supported server host key algorithms, in its default preference order, by the key type they verify.
const ALGORITHMS_BY_KEY_TYPE: readonly (readonly [string, readonly string[]])[] = [
  ["ssh-ed25519", ["ssh-ed25519"]],
  ["ecdsa-sha2-nistp256", ["ecdsa-sha2-nistp256"]],
  ["ecdsa-sha2-nistp384", ["ecdsa-sha2-nistp384"]],
  ["ecdsa-sha2-nistp521", ["ecdsa-sha2-nistp521"]],
  ["ssh-rsa", ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]],
  ["ssh-dss", ["ssh-dss"]],
];

/**
 * The `algorithms.serverHostKey` list that makes the server present a key we already know, so a host
 * known by RSA is not reported unknown because it prefers ED25519. Undefined (ssh2's default) when no
 * known type is one ssh2 can verify.
 */
export function hostKeyAlgorithmsFor(types: readonly string[]): string[] | undefined {
  const wanted = new Set(types.map(keyTypeFamily));
  const algorithms = ALGORITHMS_BY_KEY_TYPE.filter(([type]) => wanted.has(type)).flatMap(([, algs]) => algs);
  return algorithms.length > 0 ? algorithms : undefined;
}
