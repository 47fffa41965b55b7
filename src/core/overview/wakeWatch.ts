import { networkInterfaces } from "node:os";
import type { Clock } from "../../clock.js";

// Why links are retried at once.
export type WakeReason = "network" | "clock";

export interface WakeOptions {
  clock: Clock;
  /** How often to look. */
  everyMs: number;
  /** A check this much later than scheduled means the laptop slept (or its clock jumped). */
  lateMs: number;
  /** A text that changes when the laptop's addresses change. */
  interfaces?: () => string;
  onWake: (reason: WakeReason) => void;
}

// The laptop's non-loopback addresses, sorted: joining a WiFi network, roaming or a VPN changes it.
function interfaceSignature(): string {
  const addresses = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).filter((entry) => !entry.internal).map((entry) => `${name} ${entry.address}`),
  );
  return addresses.sort().join("\n");
}

// Says when a link is worth retrying at once rather than after its backoff: the network changed, or a
// check ran much later than scheduled, which is what a sleep and wake (or a clock jump) looks like.
export function watchForWake(options: WakeOptions): () => void {
  const { clock } = options;
  const signature = options.interfaces ?? interfaceSignature;
  let last = clock.now();
  let seen = signature();
  return clock.every(options.everyMs, () => {
    const now = clock.now();
    const late = now - last - options.everyMs;
    last = now;
    const current = signature();
    const networkChanged = current !== seen;
    seen = current;
    if (Math.abs(late) > options.lateMs) options.onWake("clock");
    else if (networkChanged) options.onWake("network");
  });
}
