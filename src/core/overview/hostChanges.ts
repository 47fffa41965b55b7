import { EventEmitter } from "node:events";
import { ExitCode, hostUnreachableError, MoorError } from "../../errors.js";
import type { Clock } from "../../clock.js";
import type { ChannelLink, WatchedLink } from "../../link/linkSlices.js";
import type { LinkState } from "../../link/linkState.js";
import { REAP_FIRST, type TmuxCommand } from "../../tmux/command.js";
import { commandsOfArgv, subscribeCommand } from "../../tmux/control/controlCommands.js";
import type { ControlEvent } from "../../tmux/control/controlEvents.js";
import { supportsTmux } from "../../tmux/features.js";
import type { TmuxVersion } from "../../tmux/version.js";
import { ControlClient } from "./controlClient.js";
import type { TmuxRunner } from "./listHosts.js";

/** "control": a tmux control-mode client pushes changes (tmux >= 3.2); "poll": a tmux call every interval. */
type ChangeSource = "control" | "poll" | "starting";

// How the live view learns that a host may have changed, and how it reads the host then: the one unit to replace
// when that changes. The watch engine calls wake's listener → reads with run → shows the host's link state as link.
export interface HostChanges {
  readonly source: ChangeSource;
  /** The host as the view should see it: a control client that ended while the link is up reads as "down". */
  readonly link: WatchedLink;
  readonly run: TmuxRunner;
  /** Begins calling wake whenever the host may have changed (and once at the start). */
  start(wake: () => void): void;
  stop(): void;
}

// Today's way, and tmux 3.1's: a wake every interval, each read a tmux process on the remote.
export function pollChanges(link: WatchedLink, run: TmuxRunner, clock: Clock, intervalMs: number): HostChanges {
  let stopTicking = (): void => undefined;
  return {
    source: "poll",
    link,
    run,
    start: (wake) => {
      stopTicking = clock.every(intervalMs, wake);
      wake();
    },
    stop: () => stopTicking(),
  };
}

export interface ControlChangesOptions {
  link: WatchedLink & ChannelLink;
  /** The host's tmux version (detected once) and one-shot runner, for tmux 3.1's poll. */
  version: () => Promise<TmuxVersion>;
  run: TmuxRunner;
  clock: Clock;
  intervalMs: number;
  /** Wait this long before starting a control client again after it ended with the link up. */
  restartMs?: number;
}

const WAKING: ReadonlySet<ControlEvent["kind"]> = new Set([
  "subscription-changed",
  "sessions-changed",
  "window-add",
  "window-close",
  "unlinked-window-add",
  "unlinked-window-close",
]);

// tmux >= 3.2: one control-mode client per host, over one channel of the host's link, woken by its subscription
// to every session's panes (and by sessions and windows coming and going), and read through the same client, so
// nothing is started on the remote per tick. It ends with its channel and starts again once the link is up; until
// then the view sees the host as down, so what it shows is stale. tmux 3.1 (no subscriptions) falls back to the poll.
export function controlChanges(options: ControlChangesOptions): HostChanges {
  return new ControlChanges(options);
}

class ControlChanges implements HostChanges {
  source: ChangeSource = "starting";
  readonly link: WatchedLink;
  readonly #options: ControlChangesOptions;
  readonly #events = new EventEmitter<{ state: [LinkState] }>();
  #client: ControlClient | undefined;
  #starting = false;
  #ended: { since: number; reason: string } | undefined;
  #wake: () => void = () => undefined;
  #stopped = false;
  #poll: HostChanges | undefined;
  #known: TmuxVersion | undefined;
  #offLink = (): void => undefined;
  #restartTimer = (): void => undefined;

  constructor(options: ControlChangesOptions) {
    this.#options = options;
    const outer = options.link;
    const state = (): LinkState => this.#state(outer.state);
    this.link = {
      get state() {
        return state();
      },
      events: this.#events,
      retryNow: () => outer.retryNow(),
    };
  }

  readonly run: TmuxRunner = async (argv) => {
    if (this.#poll) return await this.#options.run(argv);
    const client = this.#client;
    if (!client) throw hostUnreachableError(`no tmux control client on ${this.#options.link.label} yet`);
    return await client.runAll(withoutReap(argv));
  };

  start(wake: () => void): void {
    this.#wake = wake;
    const listener = (state: LinkState): void => {
      this.#events.emit("state", this.#state(state));
      if (state.kind === "up") void this.#connect();
    };
    this.#options.link.events.on("state", listener);
    this.#offLink = () => this.#options.link.events.off("state", listener);
    void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#offLink();
    this.#restartTimer();
    this.#poll?.stop();
    this.#client?.close();
    this.#client = undefined;
  }

  #state(state: LinkState): LinkState {
    if ((state.kind !== "up" && state.kind !== "quiet") || this.#ended === undefined || this.#poll) return state;
    const lastContact = state.kind === "quiet" ? state.lastContact : this.#options.clock.now();
    return { kind: "down", since: this.#ended.since, lastContact, reason: this.#ended.reason };
  }

  async #connect(): Promise<void> {
    if (this.#stopped || this.#starting || this.#poll || (this.#client && !this.#client.ended)) return;
    this.#starting = true;
    try {
      const version = await this.#version();
      if (this.#stopped || version === undefined) return;
      if (!supportsTmux(version, "controlSubscriptions")) return this.#fallBackToPoll();
      // A client that ends while it starts is reported by start's rejection (caught below), not by onEnd.
      const started: { client?: ControlClient } = {};
      const client = await ControlClient.start(this.#options.link, {
        onEvent: (event) => {
          if (WAKING.has(event.kind)) this.#wake();
        },
        onEnd: (reason) => {
          if (started.client) this.#lost(started.client, reason);
        },
      });
      started.client = client;
      if (this.#stopped) return client.close();
      if (client.ended) throw new Error("the tmux control client ended as it started");
      // Only once the client has answered: a subscription sent before tmux had attached the client (the very first
      // line) was followed by no reads at all, and by the whole tmux server going when the client left (3.3a).
      await client.run(subscribeCommand());
      this.#client = client;
      this.source = "control";
      this.#ended = undefined;
      this.#events.emit("state", this.#state(this.#options.link.state));
      this.#wake();
    } catch (error) {
      this.#lost(undefined, error instanceof Error ? error.message : String(error));
    } finally {
      this.#starting = false;
    }
  }

  // The version (asked once: a restart after a drop costs no extra round trip), or undefined having fallen back to
  // the poll when tmux cannot be asked (missing: the poll says so).
  async #version(): Promise<TmuxVersion | undefined> {
    try {
      this.#known ??= await this.#options.version();
      return this.#known;
    } catch (error) {
      if (error instanceof MoorError && error.exitCode === ExitCode.unreachable) throw error;
      this.#fallBackToPoll();
      return undefined;
    }
  }

  #fallBackToPoll(): void {
    this.#poll = pollChanges(this.#options.link, this.#options.run, this.#options.clock, this.#options.intervalMs);
    this.source = "poll";
    this.#poll.start(this.#wake);
  }

  // A control client that ends with the link still up (tmux restarted, the helper killed) is started again a moment
  // later; one that ends with the link waits for the link's "up".
  #lost(client: ControlClient | undefined, reason: string): void {
    if (client !== undefined && this.#client !== client) return;
    this.#client = undefined;
    if (this.#stopped) return;
    this.#ended ??= { since: this.#options.clock.now(), reason: `tmux control client: ${reason}` };
    this.#events.emit("state", this.#state(this.#options.link.state));
    this.#restartTimer();
    const cancel = this.#options.clock.every(this.#options.restartMs ?? 1_000, () => {
      cancel();
      const kind = this.#options.link.state.kind;
      if (kind === "up" || kind === "quiet") void this.#connect();
    });
    this.#restartTimer = cancel;
  }
}

// run-shell (REAP_FIRST) would start a shell on the remote on every read: the control client's reads go without it.
function withoutReap(argv: readonly string[]): TmuxCommand[] {
  const reap = REAP_FIRST.join(" ");
  return commandsOfArgv(argv).filter((command) => command.join(" ") !== reap);
}
