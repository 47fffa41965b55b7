import type { SshSession } from "../ssh/types.js";
import type { Clock } from "../clock.js";
import type { PathSwitch } from "./linkState.js";

export interface PathProbeOptions {
  /** One connection attempt (no retries): the probe. */
  connect: (signal: AbortSignal) => Promise<SshSession>;
  clock: Clock;
  /** Silence on the current connection after which a probe starts. */
  probeAfterMs: number;
  /** A slow link whose normal gaps set off probes raises the threshold, never above this. */
  maxProbeAfterMs: number;
  /** The connection in use now (undefined while there is none). */
  current: () => SshSession | undefined;
  /** The probe won: the old path is dead and `fresh` works. */
  onSwitch: (fresh: SshSession, old: SshSession, switched: PathSwitch) => void;
}

// What a finished probe means: the old connection said nothing since the probe began, so what silenced it did not
// silence a brand-new connection (a roam, an address change): switch. A stall freezes new connections too, and the
// old one's queued bytes arrive rounds of the handshake before the probe can finish: it is heard from, and kept.
export function probeVerdict(oldLastContact: number, probeStartedAt: number): "switch" | "keep" {
  return oldLastContact < probeStartedAt ? "switch" : "keep";
}

// At most one extra connection per host at a time (sshd's MaxSessions is per connection, but MaxStartups and auth
// rate limits count connections): started when the link goes silent, or at once when the laptop's network changed.
export class PathProbe {
  readonly #options: PathProbeOptions;
  #inFlight: AbortController | undefined;
  #probeAfterMs: number;

  constructor(options: PathProbeOptions) {
    this.#options = options;
    this.#probeAfterMs = options.probeAfterMs;
  }

  get probing(): boolean {
    return this.#inFlight !== undefined;
  }

  get probeAfterMs(): number {
    return this.#probeAfterMs;
  }

  /** Called often while the link is up: starts a probe once the connection has been silent long enough. */
  check(): void {
    const current = this.#options.current();
    if (!current || this.#inFlight) return;
    if (this.#options.clock.now() - current.lastContact() > this.#probeAfterMs) this.start("silence");
  }

  /** Starts a probe now (unless one runs or there is no connection to compare it with). */
  start(trigger: PathSwitch["trigger"]): void {
    const old = this.#options.current();
    if (!old || this.#inFlight) return;
    const controller = new AbortController();
    this.#inFlight = controller;
    const startedAt = this.#options.clock.now();
    const heardBefore = old.lastContact();
    this.#options.connect(controller.signal).then(
      (fresh) => {
        if (this.#inFlight === controller) this.#inFlight = undefined;
        if (controller.signal.aborted || this.#options.current() !== old) return fresh.close();
        if (probeVerdict(old.lastContact(), startedAt) === "keep") {
          this.#learnGap(old.lastContact() - heardBefore, trigger);
          return fresh.close();
        }
        const at = this.#options.clock.now();
        this.#options.onSwitch(fresh, old, { at, silentMs: at - heardBefore, trigger });
      },
      () => {
        if (this.#inFlight === controller) this.#inFlight = undefined;
      },
    );
  }

  /** The connection went away or the link closed: a probe still running is of no use. */
  stop(): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  // A gap that set off a probe and then ended by itself, not much longer than the threshold, is how this link is
  // (a long round trip), not a fault: wait a little longer than such gaps before the next probe. A long gap (a
  // stall) teaches nothing.
  #learnGap(gapMs: number, trigger: PathSwitch["trigger"]): void {
    if (trigger !== "silence" || gapMs > 2 * this.#probeAfterMs) return;
    this.#probeAfterMs = Math.min(this.#options.maxProbeAfterMs, Math.max(this.#probeAfterMs, gapMs * 1.5));
  }
}
