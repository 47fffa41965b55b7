import type { Clock } from "../../clock.js";
import type { AttachTerminal } from "./ports.js";

// The time the link has been silent, shown in a banner refreshed every second until the outage ends.
export class Outage {
  #since: number | undefined;
  #down = false;
  #stopTicker: (() => void) | undefined;
  readonly #terminal: AttachTerminal;
  readonly #clock: Clock;
  readonly #host: string;
  readonly #reconnecting: boolean;

  constructor(options: { terminal: AttachTerminal; clock: Clock; host: string; reconnecting: boolean }) {
    this.#terminal = options.terminal;
    this.#clock = options.clock;
    this.#host = options.host;
    this.#reconnecting = options.reconnecting;
  }

  get active(): boolean {
    return this.#since !== undefined;
  }

  /** The connection itself was lost (as opposed to merely quiet): the client must be attached anew. */
  get down(): boolean {
    return this.#down;
  }

  /** Starts (or escalates) the outage; lastContact is when the host was last heard from. */
  begin(lastContact: number, down: boolean): void {
    this.#down ||= down;
    if (this.#since === undefined) {
      this.#since = Math.min(lastContact, this.#clock.now());
      this.#stopTicker = this.#clock.every(1_000, () => this.#render());
    }
    this.#render();
  }

  end(): void {
    if (this.#since === undefined) return;
    this.#stopTicker?.();
    this.#stopTicker = undefined;
    this.#since = undefined;
    this.#down = false;
    this.#terminal.clearBanner();
  }

  /** Stops the ticker without touching the screen (the terminal is being restored). */
  dispose(): void {
    this.#stopTicker?.();
    this.#stopTicker = undefined;
  }

  #render(): void {
    if (this.#since === undefined) return;
    const silentSeconds = Math.max(0, Math.floor((this.#clock.now() - this.#since) / 1_000));
    this.#terminal.showBanner({ host: this.#host, silentSeconds, down: this.#down, reconnecting: this.#reconnecting });
  }
}
