import { ExitCode, MoorError } from "../core/errors.js";
import {
  appendKnownHost,
  changedHostKeyError,
  checkHostKey,
  fingerprintSha256,
  formatKnownHostsLine,
  hostKeyLookupName,
  hostKeyAlgorithmsFor,
  knownKeyTypesFor,
  parseHostKeyBlob,
  readKnownHosts,
  unknownHostKeyError,
  revokedHostKeyError,
} from "./knownHosts.js";
import type { HostKeyStatus } from "./types.js";

export interface HostKeyPolicy {
  file: string;
  host: string;
  port: number;
  label: string;
  acceptNew: boolean;
}

export interface HostKeyVerifier {
  /** The host key algorithms to offer, so a host known by an rsa key is not asked for ed25519. */
  algorithms: string[] | undefined;
  verify(blob: Buffer): Promise<boolean>;
  /** Set when verify said no: the error the connection must fail with. */
  failure(): MoorError | undefined;
  /** The error for a server that no longer offers any key type known_hosts has for it. */
  noKnownKeyType(): MoorError;
  status(): HostKeyStatus;
  fingerprint(): string;
}

// Host keys are always verified against known_hosts; this is the only place that decides.
export async function makeHostKeyVerifier(policy: HostKeyPolicy): Promise<HostKeyVerifier> {
  const entries = await readKnownHosts(policy.file);
  const types = knownKeyTypesFor(entries, policy.host, policy.port);
  let failure: MoorError | undefined;
  let status: HostKeyStatus = "known";
  let fingerprint = "";

  const verify = async (blob: Buffer): Promise<boolean> => {
    const key = parseHostKeyBlob(blob);
    fingerprint = fingerprintSha256(key.data);
    const check = checkHostKey(entries, policy.host, policy.port, key);
    switch (check.status) {
      case "known":
        return true;
      case "revoked":
        failure = revokedHostKeyError(policy.label, policy.host, policy.port, policy.file, key.type, fingerprint, check.entry);
        return false;
      case "changed":
        failure = changedHostKeyError(policy.label, policy.host, policy.port, policy.file, check.expected, key.type, fingerprint);
        return false;
      case "unknown":
        if (!policy.acceptNew) {
          failure = unknownHostKeyError(policy.label, policy.host, policy.port, policy.file, key.type, fingerprint, types);
          return false;
        }
        await appendKnownHost(policy.file, formatKnownHostsLine(policy.host, policy.port, key.type, key.data.toString("base64")));
        status = "recorded";
        return true;
    }
  };

  return {
    algorithms: types.length > 0 ? hostKeyAlgorithmsFor(types) : undefined,
    verify,
    failure: () => failure,
    noKnownKeyType: () =>
      new MoorError(
        `host key for ${policy.label} has CHANGED type: known_hosts (${policy.file}) has only ${types.join(", ")} for it and the server offers none of them`,
        ExitCode.auth,
        { hint: `if the change is expected, remove the old lines with: ssh-keygen -R '${hostKeyLookupName(policy.host, policy.port)}' -f ${policy.file}` },
      ),
    status: () => status,
    fingerprint: () => fingerprint,
  };
}
