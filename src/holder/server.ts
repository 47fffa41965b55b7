import { fileStamp } from "./fileStamp.js";
import { withinBudget } from "./withinBudget.js";
import { unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { MoorContext } from "../core/moorContext.js";
import { ScreenMemory } from "../core/overview/screenMemory.js";
import type { Clock } from "../clock.js";
import type { HostLink } from "../link/hostLink.js";
import type { LinkState, WaitBudget } from "../link/linkState.js";
import type { ExecOptions, ExecResult } from "../link/types.js";
import { HOLDER_LINK } from "./holderLink.js";
import { answerRun, type RunCommand, type StdinFeed } from "./runRequest.js";
import type { HolderPaths } from "./paths.js";
import {
  frame,
  lineReader,
  PROTOCOL,
  type HolderStatus,
  type Reply,
  type Request,
  type RunRequest,
} from "./protocol.js";

export interface HolderServerOptions {
  paths: HolderPaths;
  version: string;
  clock: Clock;
  /** Minutes unused before the holder exits, read again at each check (moor config set persist). */
  persistMinutes: () => number;
  /** The hosts watched to notify (notify.background), undefined while that is off. */
  notifying?: () => string[] | undefined;
  /** A fresh context: the registry, ~/.ssh/config and known_hosts as they are now. */
  makeContext: () => MoorContext;
  /** Files whose change means a fresh context (hosts.json, ~/.ssh/config, known_hosts). */
  watchedFiles: readonly string[];
  log: (line: string) => void;
  /** Called once the holder has stopped (unused too long, or moor daemon stop). */
  onStopped: () => void;
  /** Runs a whole one-shot command for a thin client (the CLI's run(), given by moor daemon serve); absent: runs are
   *  handed back. */
  runCommand?: RunCommand;
}

interface HostUse {
  lastUse: number;
}

// The background holder: one HostLink per host, kept through drops, running whole one-shot commands for thin clients
// over a Unix socket. It never prompts (its context has no passphrase prompt): work that needs one is
// handed back to the command (fallback), which asks on its own terminal.
export class HolderServer {
  readonly #options: HolderServerOptions;
  readonly #startedAt: number;
  readonly #uses = new Map<string, HostUse>();
  readonly #sockets = new Set<Socket>();
  readonly #screens = new Map<string, ScreenMemory>();
  #ctx: MoorContext;
  #stamps: string;
  #lastUse: number;
  #server: Server | undefined;
  #stopIdleWatch: (() => void) | undefined;
  #stopped = false;
  #busy = 0;

  constructor(options: HolderServerOptions) {
    this.#options = options;
    this.#startedAt = options.clock.now();
    this.#lastUse = this.#startedAt;
    this.#ctx = options.makeContext();
    this.#stamps = this.#fileStamps();
    this.#stopIdleWatch = options.clock.every(1_000, () => this.checkIdle());
  }

  /** Listens on the socket (the caller holds the lock, so any file there is stale) and starts the idle watch. */
  async listen(): Promise<void> {
    const { socket } = this.#options.paths;
    try {
      unlinkSync(socket);
    } catch {
      // none there
    }
    const server = createServer((connection) => this.#accept(connection));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socket, () => resolve());
    });
    this.#options.log(`listening on ${socket} (moor ${this.#options.version}, pid ${String(process.pid)})`);
  }

  /** Links made early, for hosts the starting command used: the next command finds them warm. */
  warm(hosts: readonly string[]): void {
    for (const host of hosts) {
      try {
        this.#ctx
          .link(host, HOLDER_LINK)
          .session()
          .catch((error: unknown) => this.#options.log(`warming ${host}: ${errorText(error)}`));
        this.#uses.set(host, { lastUse: this.#options.clock.now() });
      } catch (error) {
        this.#options.log(`warming ${host}: ${errorText(error)}`);
      }
    }
  }

  /** Stops when unused for persist minutes (0: at once); work in flight counts as use. */
  checkIdle(): void {
    if (this.#stopped) return;
    const now = this.#options.clock.now();
    if (this.#busy > 0) this.#lastUse = now;
    const persistMs = this.#options.persistMinutes() * 60_000;
    if (now - this.#lastUse >= persistMs) {
      this.#options.log(`unused for ${String(Math.round((now - this.#lastUse) / 1000))} s: stopping`);
      this.stop();
    }
  }

  status(): HolderStatus {
    const now = this.#options.clock.now();
    const hosts = [...this.#uses.entries()].map(([host, use]) => {
      const state = this.#linkIfMade(host)?.state ?? { kind: "idle" as const };
      return { host, link: state.kind, lastUse: use.lastUse, ...("reason" in state ? { reason: state.reason } : {}) };
    });
    return {
      pid: process.pid,
      version: this.#options.version,
      startedAt: this.#startedAt,
      uptimeSeconds: Math.floor((now - this.#startedAt) / 1000),
      persistMinutes: this.#options.persistMinutes(),
      notifying: this.#options.notifying?.() ?? null,
      lastUse: this.#lastUse,
      socket: this.#options.paths.socket,
      log: this.#options.paths.log,
      hosts: hosts.sort((a, b) => a.host.localeCompare(b.host)),
    };
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#stopIdleWatch?.();
    this.#server?.close();
    for (const socket of this.#sockets) socket.destroy();
    try {
      unlinkSync(this.#options.paths.socket);
    } catch {
      // already gone
    }
    this.#ctx.close();
    this.#options.onStopped();
  }

  /** One request's answer; exported for unit tests, which drive the holder without a socket. INPUTS: the runs of this
   *  connection that read standard input, by request id (the client's stdin requests feed them). */
  async answer(
    request: Request,
    send: (reply: Reply) => void,
    gone: AbortSignal = new AbortController().signal,
    inputs: Map<number, StdinFeed> = new Map(),
  ): Promise<void> {
    switch (request.kind) {
      case "hello":
        return send({
          id: request.id,
          kind: "hello",
          protocol: PROTOCOL,
          version: this.#options.version,
          pid: process.pid,
        });
      case "status":
        return send({ id: request.id, kind: "status", status: this.status() });
      case "stop":
        send({ id: request.id, kind: "stopping" });
        return void setImmediate(() => this.stop());
      case "stdin":
        return inputs.get(request.id)?.(
          request.data === undefined ? undefined : Buffer.from(request.data, "base64"),
          request.end === true,
        );
      case "run":
        return await this.#run(request, send, gone, inputs);
    }
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket);
    const gone = new AbortController();
    socket.on("close", () => {
      this.#sockets.delete(socket);
      gone.abort();
    });
    socket.on("error", () => socket.destroy());
    const send = (reply: Reply): void => {
      if (!socket.destroyed) socket.write(frame(reply));
    };
    const inputs = new Map<number, StdinFeed>();
    socket.on(
      "data",
      lineReader(
        (message) =>
          void this.answer(message as Request, send, gone.signal, inputs).catch((error: unknown) =>
            this.#options.log(`request failed: ${errorText(error)}`),
          ),
        () => socket.destroy(),
      ),
    );
  }

  async #run(
    request: RunRequest,
    send: (reply: Reply) => void,
    gone: AbortSignal,
    inputs: Map<number, StdinFeed>,
  ): Promise<void> {
    const runCommand = this.#options.runCommand;
    if (!runCommand) return send({ id: request.id, kind: "fallback", reason: "this holder runs no commands" });
    await answerRun(request, send, gone, inputs, {
      runCommand,
      execOn: (host, argv, options, budget, onLink) => this.#execOn(host, argv, options, budget, onLink),
      used: (work) => this.#used(work),
      screensFor: (host) => this.#screensFor(host),
      clock: this.#options.clock,
      log: this.#options.log,
    });
  }

  #screensFor(host: string): ScreenMemory {
    let screens = this.#screens.get(host);
    if (!screens) {
      screens = new ScreenMemory();
      this.#screens.set(host, screens);
    }
    return screens;
  }

  // Work in flight counts as use, and sees the registry and known_hosts as they are now.
  async #used<T>(work: () => Promise<T>): Promise<T> {
    this.#busy++;
    this.#lastUse = this.#options.clock.now();
    this.#refreshIfChanged();
    try {
      return await work();
    } finally {
      this.#busy--;
      this.#lastUse = this.#options.clock.now();
    }
  }

  async #execOn(
    host: string,
    argv: readonly string[],
    options: ExecOptions,
    budget: WaitBudget,
    onLink: (state: LinkState) => void,
  ): Promise<ExecResult> {
    const abort = new AbortController();
    const given = options.signal;
    const onGone = (): void => abort.abort(new Error("the command went away"));
    if (given?.aborted) onGone();
    given?.addEventListener("abort", onGone, { once: true });
    let forward: ((state: LinkState) => void) | undefined;
    let link: HostLink | undefined;
    try {
      link = this.#ctx.link(host, HOLDER_LINK);
      this.#uses.set(host, { lastUse: this.#options.clock.now() });
      forward = (state: LinkState): void => {
        this.#options.log(`${host}: link ${state.kind}${"reason" in state ? ` (${state.reason})` : ""}`);
        onLink(state);
      };
      link.events.on("state", forward);
      const opened = new AbortController();
      return await withinBudget(
        link,
        link.exec(argv, {
          ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
          signal: abort.signal,
          onOpen: () => opened.abort(),
        }),
        { ...budget, opened: opened.signal, clock: this.#options.clock, onLink: forward },
      );
    } catch (error) {
      // A command given up on must not run later, when the link is back.
      abort.abort(error);
      throw error;
    } finally {
      if (forward) link?.events.off("state", forward);
      given?.removeEventListener("abort", onGone);
      const use = this.#uses.get(host);
      if (use) use.lastUse = this.#options.clock.now();
    }
  }

  // A changed registry, ~/.ssh/config or known_hosts: every link is dropped and made again from the files as they
  // are now, so a removed host is gone and a changed host key is checked (and refused) on the next connection.
  #refreshIfChanged(): void {
    const stamps = this.#fileStamps();
    if (stamps === this.#stamps) return;
    this.#stamps = stamps;
    this.#options.log("the registry, ~/.ssh/config or known_hosts changed: links made again");
    this.#ctx.close();
    this.#ctx = this.#options.makeContext();
    this.#screens.clear();
    for (const host of this.#uses.keys()) if (!this.#resolves(host)) this.#uses.delete(host);
  }

  #resolves(host: string): boolean {
    try {
      this.#ctx.resolve(host);
      return true;
    } catch {
      return false;
    }
  }

  #linkIfMade(host: string): HostLink | undefined {
    return this.#uses.has(host) ? this.#ctx.link(host, HOLDER_LINK) : undefined;
  }

  #fileStamps(): string {
    return this.#options.watchedFiles.map(fileStamp).join("|");
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
