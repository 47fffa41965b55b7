import { EventEmitter } from "node:events";
import pRetry from "p-retry";
import { MoorError, ExitCode, hostUnreachableError, internalError } from "../errors.js";
import { quoteArgv } from "../ssh/shellQuote.js";
import type { ExecOptions, ExecResult, PtyOptions, RemoteChannel, SshSession } from "../ssh/types.js";
import { ChannelBudget } from "./channelBudget.js";
import { classifyError, describeNetworkError, toLinkError } from "./classifyError.js";
import { systemClock, type Clock } from "../clock.js";
import type { LinkState, PathSwitch, RetryPolicy } from "./linkState.js";
import { PathProbe } from "./pathProbe.js";
import { staggeredAttempt } from "./staggeredAttempt.js";
import { untilAborted } from "./untilAborted.js";

const MAX_RESENDS = 3;
const neverOpened = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { channelNotOpened?: boolean }).channelNotOpened === true &&
  classifyError(error) === "transient";

export interface HostLinkOptions {
  label: string;
  connect: (signal: AbortSignal, attempt?: number) => Promise<SshSession>;
  retry: RetryPolicy;
  /** Kept below sshd's MaxSessions (10 by default). */
  maxChannels?: number;
  /** Reconnect as soon as the connection drops, rather than on next use (live view, attach). */
  reconnect?: boolean;
  /** With reconnect: start a fresh attempt this often while earlier ones hang (see staggeredAttempt). */
  staggerMs?: number;
  /** No bytes from the server for this long marks the link "quiet". */
  quietAfterMs?: number;
  /** With reconnect: silence after which a second connection is tried alongside (see PathProbe). */
  probeAfterMs?: number;
  clock?: Clock;
}

// One ssh connection per host, shared by every operation, that reconnects by itself after transient
// failures (with p-retry's backoff and jitter) and never retries fatal ones. It reports its state upward.
export class HostLink {
  readonly label: string;
  readonly events = new EventEmitter<{ state: [LinkState] }>();
  readonly #options: HostLinkOptions;
  readonly #budget: ChannelBudget;
  readonly #clock: Clock;
  #state: LinkState = { kind: "idle" };
  #session: SshSession | undefined;
  #connecting: Promise<SshSession> | undefined;
  #backoff: AbortController | undefined;
  #waitingToRetry = false;
  #stopQuietWatch: (() => void) | undefined;
  readonly #probe: PathProbe | undefined;
  #closed = false;

  constructor(options: HostLinkOptions) {
    this.label = options.label;
    this.#options = options;
    this.#budget = new ChannelBudget(options.maxChannels ?? 8);
    this.#clock = options.clock ?? systemClock;
    const probeAfterMs = options.probeAfterMs;
    if (options.reconnect && probeAfterMs !== undefined)
      this.#probe = new PathProbe({
        connect: options.connect,
        clock: this.#clock,
        probeAfterMs,
        maxProbeAfterMs: Math.max(probeAfterMs, options.quietAfterMs ?? 3_000),
        current: () => this.#session,
        onSwitch: (fresh, old, switched) => this.#switchPath(fresh, old, switched),
      });
  }

  get state(): LinkState {
    return this.#state;
  }

  /** Epoch ms of the last bytes from the host over the current connection; undefined with none. */
  get lastContact(): number | undefined {
    return this.#session?.lastContact();
  }

  /** The live connection, connecting (with retries) when there is none. */
  session(): Promise<SshSession> {
    if (this.#closed) return Promise.reject(internalError(`the link to ${this.label} is closed`));
    if (this.#session) return Promise.resolve(this.#session);
    this.#connecting ??= this.#connectLoop().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  /** Runs argv on the remote (quoted in one place) and collects its output. A connection that died before the
   *  server opened the command's channel is replaced and the command sent again (it never ran: exactly once). */
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const command = quoteArgv(argv);
    return await this.#budget.run(async () => {
      for (let resend = 0; ; resend++) {
        // Waiting for the connection ends when the signal does: a command given up on must not run once it is back.
        const session = await untilAborted(this.session(), options.signal);
        try {
          return await session.exec(command, options);
        } catch (error) {
          if (resend < MAX_RESENDS && !this.#closed && neverOpened(error)) continue;
          throw this.#droppedError(error, argv);
        }
      }
    });
  }

  /** Starts a long-running remote process; its channel slot is held until it exits. */
  async open(argv: readonly string[], options: { pty?: PtyOptions } = {}): Promise<RemoteChannel> {
    const release = await this.#budget.acquire();
    try {
      const session = await this.session();
      const channel = await session.open(quoteArgv(argv), options);
      void channel.exit.finally(release);
      return channel;
    } catch (error) {
      release();
      throw this.#droppedError(error, argv);
    }
  }

  /** The network changed or the laptop woke: cut a backoff wait short, or try a new path beside a live connection. */
  retryNow(): void {
    if (this.#waitingToRetry) this.#backoff?.abort();
    if (this.#session) this.#probe?.start("network");
  }

  close(): void {
    this.#closed = true;
    this.#backoff?.abort();
    this.#stopQuietWatch?.();
    this.#probe?.stop();
    this.#session?.close();
    this.#session = undefined;
    this.#setState({ kind: "closed" });
  }

  async #connectLoop(): Promise<SshSession> {
    for (;;) {
      const backoff = new AbortController();
      this.#backoff = backoff;
      try {
        const session = await pRetry(
          async (attempt) => {
            this.#waitingToRetry = false;
            this.#setState({ kind: "connecting", attempt });
            return await this.#attempt(backoff.signal);
          },
          {
            retries: this.#options.retry.retries,
            minTimeout: this.#options.retry.minDelayMs,
            maxTimeout: this.#options.retry.maxDelayMs,
            factor: this.#options.retry.factor,
            randomize: true,
            signal: backoff.signal,
            shouldRetry: ({ error }) => classifyError(error) === "transient",
            onFailedAttempt: ({ error, attemptNumber, retryDelay }) => {
              if (retryDelay <= 0 || classifyError(error) !== "transient") return;
              this.#waitingToRetry = true;
              const now = this.#clock.now();
              const reason = describeNetworkError(error);
              this.#setState({
                kind: "retrying",
                attempt: attemptNumber,
                nextDelayMs: retryDelay,
                nextAt: now + retryDelay,
                reason,
              });
            },
          },
        );
        if (this.#closed) {
          session.close();
          throw internalError(`the link to ${this.label} is closed`);
        }
        this.#adopt(session);
        return session;
      } catch (error) {
        if (backoff.signal.aborted && !this.#closed) continue;
        const failure = toLinkError(error, this.label);
        if (!this.#closed)
          this.#setState({
            kind: "failed",
            reason: describeNetworkError(failure),
            exitCode: failure instanceof MoorError ? failure.exitCode : ExitCode.internal,
          });
        throw failure;
      } finally {
        this.#waitingToRetry = false;
      }
    }
  }

  // A session that arrives after the signal (close() or retryNow() mid-attempt) is closed here: p-retry
  // throws the abort reason instead of returning it, so nobody else would.
  async #attempt(signal: AbortSignal): Promise<SshSession> {
    const session = await this.#connectOnce(signal);
    if (signal.aborted) {
      session.close();
      throw signal.reason;
    }
    return session;
  }

  #connectOnce(signal: AbortSignal): Promise<SshSession> {
    const staggerMs = this.#options.staggerMs;
    if (!staggerMs) return this.#options.connect(signal);
    return staggeredAttempt((own, attempt) => this.#options.connect(AbortSignal.any([own, signal]), attempt), {
      staggerMs,
      maxInFlight: 3,
      isFatal: (error) => classifyError(error) === "fatal",
      discard: (session) => session.close(),
      signal,
    });
  }

  #adopt(session: SshSession, switchedPath?: PathSwitch): void {
    this.#session = session;
    this.#setState({ kind: "up", since: this.#clock.now(), ...(switchedPath ? { switchedPath } : {}) });
    const quietAfter = this.#options.quietAfterMs ?? 3_000;
    this.#stopQuietWatch?.();
    this.#stopQuietWatch = this.#clock.every(this.#probe ? 100 : 500, () => {
      this.#probe?.check();
      const silent = this.#clock.now() - session.lastContact();
      if (silent > quietAfter && this.#state.kind === "up")
        this.#setState({ kind: "quiet", lastContact: session.lastContact() });
      else if (silent <= quietAfter && this.#state.kind === "quiet")
        this.#setState({ kind: "up", since: this.#clock.now() });
    });
    session.onClose((error) => {
      if (this.#session !== session) return;
      this.#session = undefined;
      this.#stopQuietWatch?.();
      this.#probe?.stop();
      if (this.#closed) return;
      const reason = error ? describeNetworkError(error) : "connection closed";
      this.#setState({ kind: "down", since: this.#clock.now(), lastContact: session.lastContact(), reason });
      if (this.#options.reconnect) this.session().catch(() => undefined);
    });
  }

  // The new connection becomes the link's (commands whose channel never opened on the old one run again on it, as
  // after a reconnect), and the old one is dropped at once: its path is dead, so a goodbye would never be heard.
  #switchPath(fresh: SshSession, old: SshSession, switched: PathSwitch): void {
    if (this.#closed) return fresh.close();
    this.#adopt(fresh, switched);
    old.destroy();
  }

  #droppedError(error: unknown, argv: readonly string[]): unknown {
    if (error instanceof MoorError || classifyError(error) !== "transient") return error;
    return hostUnreachableError(
      `the link to ${this.label} dropped while running ${argv[0] ?? "a command"} ${argv[1] ?? ""}`.trimEnd(),
      {
        hint: "the remote may or may not have run it; check with moor ls or moor peek",
        cause: error,
      },
    );
  }

  #setState(state: LinkState): void {
    this.#state = state;
    this.events.emit("state", state);
  }
}
