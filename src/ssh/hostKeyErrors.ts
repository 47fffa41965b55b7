import type { MoorError } from "../errors.js";
import { authError } from "../errors.js";
import { quoteArg } from "./shellQuote.js";
import { fingerprintSha256, keyTypeLabel } from "./fingerprint.js";
import { hostKeyLookupName } from "./knownHostsMatch.js";
import type { KnownHostEntry } from "./knownHostsParse.js";

// What the user reads when a host key is refused: worded like OpenSSH, one line plus what to do next.
// `label` is the name the user typed; host and port are what known_hosts is searched under.

function subject(label: string, host: string, port: number): string {
  const lookup = hostKeyLookupName(host, port);
  return label === lookup ? lookup : `${label} (${lookup})`;
}

function where(entry: KnownHostEntry, file: string): string {
  return `${entry.file ?? file}:${entry.line}`;
}

/** A changed key is always refused, loudly, with the exact command that forgets the old one. */
export function changedHostKeyError(
  label: string,
  host: string,
  port: number,
  file: string,
  expected: readonly KnownHostEntry[],
  offeredType: string,
  offeredFingerprint: string,
): MoorError {
  const known = expected.map((entry) => `${fingerprintSha256(entry.data)} at ${where(entry, file)}`);
  const lookup = hostKeyLookupName(host, port);
  const oldFile = expected[0]?.file ?? file;
  return authError(
    `REMOTE HOST IDENTIFICATION HAS CHANGED for ${subject(label, host, port)}: ` +
      `offered ${keyTypeLabel(offeredType)} key ${offeredFingerprint}, known_hosts has ${known.join(" and ")}`,
    { hint: forgetHint(lookup, oldFile) },
  );
}

/** A server that no longer offers any key type known_hosts has for it: a changed key as well. */
export function changedKeyTypeError(
  label: string,
  host: string,
  port: number,
  file: string,
  knownTypes: readonly string[],
): MoorError {
  return authError(
    `host key for ${label} has CHANGED type: known_hosts (${file}) has only ${knownTypes.join(", ")} for it and the server offers none of them`,
    { hint: forgetHint(hostKeyLookupName(host, port), file) },
  );
}

function forgetHint(lookup: string, file: string): string {
  return `if the change is expected, remove the old line with: ssh-keygen -R ${quoteArg(lookup)} -f ${quoteArg(file)}`;
}

/** An unknown key is refused unless the user, having checked the fingerprint, asks for --accept-new. */
export function unknownHostKeyError(
  label: string,
  host: string,
  port: number,
  file: string,
  offeredType: string,
  offeredFingerprint: string,
  knownTypes: readonly string[] = [],
): MoorError {
  const others = knownTypes.length > 0 ? ` (it has only ${knownTypes.map(keyTypeLabel).join(", ")} keys for it)` : "";
  return authError(
    `the host key of ${subject(label, host, port)} is not in ${file}${others}: ` +
      `offered ${keyTypeLabel(offeredType)} key ${offeredFingerprint}`,
    { hint: "check the fingerprint, then run again with --accept-new (moor host add ... --accept-new)" },
  );
}

/** A key marked @revoked must never be accepted, for any host. */
export function revokedHostKeyError(
  label: string,
  host: string,
  port: number,
  file: string,
  offeredType: string,
  offeredFingerprint: string,
  entry?: KnownHostEntry,
): MoorError {
  const at = entry === undefined ? ` in ${file}` : ` at ${where(entry, file)}`;
  return authError(
    `the host key of ${subject(label, host, port)} is REVOKED: ` +
      `offered ${keyTypeLabel(offeredType)} key ${offeredFingerprint} is marked @revoked${at}`,
    { hint: "do not connect; ask the box's administrator for its new host key" },
  );
}
