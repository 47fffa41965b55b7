import type { openSsh } from "../ssh/connect.js";
import type { KeyCache } from "../ssh/keyCache.js";
import type { ConnectSpec } from "../ssh/types.js";
import { HostLink } from "./hostLink.js";
import type { RetryPolicy } from "./linkState.js";

export interface SshHostLinkOptions {
  retry: RetryPolicy;
  reconnect: boolean;
  knownHostsFile: string;
  acceptNew: boolean;
  home: string;
  readyTimeoutMs: number;
  agentSocket?: string;
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
  onProgress?: (message: string) => void;
}

// Links that ride out drops give a handshake 3 s (a blackholed attempt is abandoned) and start a
// fresh attempt every second meanwhile, so they are back about a second after the network is.
const RECONNECT_HANDSHAKE_MS = 3_000;
const RECONNECT_STAGGER_MS = 1_000;
// Each later attempt of a group waits one share longer (3, 6, 9, then 12 s), up to four shares: a host that is
// only slow (a loaded laptop, a long RTT) misses the first deadline every time, and without this no attempt
// would ever finish, leaving the link "connecting" for good.
const MAX_DEADLINE_SHARES = 4;

// The handshake and ready deadlines of the attempt-th attempt of a reconnecting link's group.
export function attemptDeadlines(readyTimeoutMs: number, attempt: number): { handshakeMs: number; readyMs: number } {
  const shares = Math.min(attempt + 1, MAX_DEADLINE_SHARES);
  return { handshakeMs: RECONNECT_HANDSHAKE_MS * shares, readyMs: readyTimeoutMs * shares };
}
// Links that ride out drops also ping every 400 ms (a keepalive the server answers), so a silent path shows within
// about a second; unanswered pings still give up after the same time as the host's keepalive settings (2 s x 2:
// about 6 s). Silence past PROBE_AFTER_MS (a ping and its answer overdue) tries a second connection beside it.
const PING_MS = 400;
const PROBE_AFTER_MS = 1_000;

// The same time to give up (interval x (count + 1)), counted in pings of PING_MS.
export function pingKeepalive(spec: ConnectSpec): ConnectSpec {
  if (spec.keepaliveIntervalMs <= PING_MS) return spec;
  const giveUpMs = spec.keepaliveIntervalMs * (spec.keepaliveCountMax + 1);
  return { ...spec, keepaliveIntervalMs: PING_MS, keepaliveCountMax: Math.round(giveUpMs / PING_MS) - 1 };
}

interface SshLayer {
  openSsh: typeof openSsh;
  // One run is one process: every link shares the keys it has loaded, so a passphrase is asked once.
  runKeys: KeyCache;
}

let sshLayer: Promise<SshLayer> | undefined;

// ssh2 and the key parsers are loaded on the first connection, not at start-up: a command that never
// connects (--help, completion, one served by the background holder) starts without them.
function loadSshLayer(): Promise<SshLayer> {
  sshLayer ??= Promise.all([import("../ssh/connect.js"), import("../ssh/keyCache.js")]).then(([connect, keys]) => ({
    openSsh: connect.openSsh,
    runKeys: new keys.KeyCache(),
  }));
  return sshLayer;
}

// A HostLink whose connections are real ssh connections to the spec's host (the only place the link
// layer is wired to the ssh layer).
export function sshHostLink(spec: ConnectSpec, options: SshHostLinkOptions): HostLink {
  const { retry, reconnect, readyTimeoutMs, ...connectOptions } = options;
  return new HostLink({
    label: spec.label,
    retry,
    reconnect,
    ...(reconnect ? { staggerMs: RECONNECT_STAGGER_MS, probeAfterMs: PROBE_AFTER_MS } : {}),
    quietAfterMs: spec.keepaliveIntervalMs + 1_000,
    connect: async (signal, attempt = 0) => {
      const ssh = await loadSshLayer();
      const deadlines = reconnect
        ? attemptDeadlines(readyTimeoutMs, attempt)
        : { handshakeMs: readyTimeoutMs, readyMs: readyTimeoutMs };
      return ssh.openSsh(reconnect ? pingKeepalive(spec) : spec, {
        ...connectOptions,
        keyCache: ssh.runKeys,
        readyTimeoutMs: deadlines.readyMs,
        handshakeTimeoutMs: deadlines.handshakeMs,
        signal,
      });
    },
  });
}
