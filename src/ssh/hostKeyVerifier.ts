import { MoorError, internalError, usageError } from "../errors.js";
import {
  appendKnownHost,
  changedHostKeyError,
  checkHostKey,
  fingerprintSha256,
  formatKnownHostsLine,
  changedKeyTypeError,
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

  const check = async (blob: Buffer): Promise<boolean> => {
    const key = parseHostKeyBlob(blob);
    fingerprint = fingerprintSha256(key.data);
    const found = checkHostKey(entries, policy.host, policy.port, key);
    switch (found.status) {
      case "known":
        return true;
      case "revoked":
        failure = revokedHostKeyError(
          policy.label,
          policy.host,
          policy.port,
          policy.file,
          key.type,
          fingerprint,
          found.entry,
        );
        return false;
      case "changed":
        failure = changedHostKeyError(
          policy.label,
          policy.host,
          policy.port,
          policy.file,
          found.expected,
          key.type,
          fingerprint,
        );
        return false;
      case "unknown":
        if (!policy.acceptNew) {
          failure = unknownHostKeyError(
            policy.label,
            policy.host,
            policy.port,
            policy.file,
            key.type,
            fingerprint,
            types,
          );
          return false;
        }
        await record(policy, key.type, key.data);
        status = "recorded";
        return true;
    }
  };

  // Never throws: whatever goes wrong becomes the failure, so ssh2's "verification failed" is never mistaken
  // for network trouble and retried.
  const verify = async (blob: Buffer): Promise<boolean> => {
    try {
      return await check(blob);
    } catch (error) {
      failure =
        error instanceof MoorError
          ? error
          : internalError(`cannot check the host key of ${policy.label}: ${String(error)}`, { cause: error });
      return false;
    }
  };

  return {
    algorithms: types.length > 0 ? hostKeyAlgorithmsFor(types) : undefined,
    verify,
    failure: () => failure,
    noKnownKeyType: () => changedKeyTypeError(policy.label, policy.host, policy.port, policy.file, types),
    status: () => status,
    fingerprint: () => fingerprint,
  };
}

// Adds the accepted key to known_hosts; a file that cannot be written is the user's to fix (exit 2), not the network's.
async function record(policy: HostKeyPolicy, type: string, data: Buffer): Promise<void> {
  try {
    await appendKnownHost(policy.file, formatKnownHostsLine(policy.host, policy.port, type, data.toString("base64")));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`cannot record the host key of ${policy.label} in ${policy.file}: ${reason}`, {
      hint: "check that the file and its folder are writable, or pass another file with --known-hosts",
      cause: error,
    });
  }
}
