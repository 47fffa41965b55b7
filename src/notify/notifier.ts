import { isMuted } from "../config/muteList.js";
import type { Clock } from "../clock.js";
import { ChangeTracker } from "./changeTracker.js";
import type { Channels, ChannelName } from "./channels.js";
import { Coalescer } from "./coalesce.js";
import { notificationText } from "./message.js";
import { wantsNotification, type NotifyRule } from "./notifyRule.js";
import type { ProgramOutcome } from "./runProgram.js";
import type { ObservedSession, StateChange } from "./stateChange.js";

export interface NotifierDeps {
  clock: Clock;
  /** Read at each change, so a `moor mute` or `moor config set` made meanwhile counts. */
  rule: () => NotifyRule;
  channels: Channels;
  /** A channel's first failure (each is reported once). Never awaited: delivery never holds up the caller. */
  report: (problem: string) => void;
  burstMs?: number;
}

// Decides what notifies and sends it: fed each fresh poll of a host, it tells notify.command about every wanted
// change at once, and the terminal and the desktop once per burst (changes gathered for a second and a half).
export class Notifier {
  readonly #deps: NotifierDeps;
  readonly #tracker = new ChangeTracker();
  readonly #coalescer: Coalescer<StateChange>;
  readonly #reported = new Set<ChannelName>();

  constructor(deps: NotifierDeps) {
    this.#deps = deps;
    this.#coalescer = new Coalescer(deps.clock, (changes) => this.#sendBurst(changes), deps.burstMs);
  }

  /** One fresh poll of a host: its sessions as they are now. */
  observe(host: string, sessions: readonly ObservedSession[]): StateChange[] {
    const changes = this.#tracker.observe(host, sessions, this.#deps.clock.now());
    if (changes.length === 0) return [];
    const rule = this.#deps.rule();
    const wanted = changes.filter((change) => wantsNotification(change, rule));
    for (const change of wanted) {
      for (const channel of this.#deps.channels.perChange) this.#deliver(channel.name, channel.send(change));
      this.#coalescer.add(change);
    }
    return wanted;
  }

  /** Something moor did rather than a state seen (a queued prompt typed: "sent"): notifies unless muted. */
  announce(change: StateChange): void {
    if (isMuted(this.#deps.rule().mute, change.host, change.session)) return;
    for (const channel of this.#deps.channels.perChange) this.#deliver(channel.name, channel.send(change));
    this.#coalescer.add(change);
  }

  /** Sends what is still gathered (moor is stopping). */
  flush(): void {
    this.#coalescer.flush();
  }

  #sendBurst(changes: StateChange[]): void {
    const text = notificationText(changes);
    for (const channel of this.#deps.channels.burst) this.#deliver(channel.name, channel.send(text));
  }

  #deliver(name: ChannelName, outcome: Promise<ProgramOutcome>): void {
    void outcome.then((problem) => {
      if (problem === undefined || this.#reported.has(name)) return;
      this.#reported.add(name);
      this.#deps.report(`notification by ${name} failed: ${problem}`);
    });
  }
}
