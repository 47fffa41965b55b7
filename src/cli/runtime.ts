import type { Command } from "commander";
import type * as CoreModule from "../core/moorContext.js";
import type { LinkOptions, MoorContext } from "../core/moorContext.js";
import type { RemoteExec } from "../link/remoteExec.js";
import type { ScreenMemory } from "../core/overview/screenMemory.js";
import { startHolder } from "../holder/clientStart.js";
import { startCourier } from "../holder/courierStart.js";
import { holderWanted } from "../holder/wanted.js";
import { holderPaths } from "../holder/paths.js";
import type { LinkState } from "../link/linkState.js";
import { processIo, type CliIo } from "./io.js";
import { linkTroubleReporter } from "./linkTrouble.js";
import { askPassphraseOnTty } from "./passphrase.js";
import { processHost, type ProcessHost } from "./processHost.js";

export interface GlobalOptions {
  configDir?: string;
  knownHosts?: string;
  verbose?: boolean;
}

export interface Runtime {
  ctx: MoorContext;
  io: CliIo;
}

const withoutRuntime = new WeakSet<Command>();

// Marks a command whose action needs neither the host registry nor a connection (completion, daemon
// status): the program then starts it without loading conf or the core (see ARCHITECTURE.md, "Start-up").
export function runsWithoutRuntime(command: Command): Command {
  withoutRuntime.add(command);
  return command;
}

export function needsRuntime(command: Command): boolean {
  return !withoutRuntime.has(command);
}

// Builds the runtime from the global options once the command line is parsed; closed by run().
// The core (and with it conf) is loaded by load(), which the program runs before every action that
// needs it, so --version, --help and light commands start without it. A one-shot command reaches this only when
// no background holder ran it whole (cli/quickClient.ts): it uses its own links, and starts a holder as it ends, so
// the next one finds it warm.
/** How a run differs from a plain one in moor's own process: the background holder serving a thin client gives the
 *  client's environment and streams, and its own links in place of the holder's socket (and never prompts). */
export interface RuntimeOptions {
  host?: ProcessHost;
  /** Who runs a host's remote commands in a served run: the holder's own link for it. */
  served?: (name: string, options: LinkOptions, onLink: (state: LinkState) => void) => RemoteExec;
  /** A served run's screens kept by the holder across runs. */
  screens?: (name: string) => ScreenMemory;
}

export class RuntimeHolder {
  readonly host: ProcessHost;
  readonly #served: RuntimeOptions["served"];
  readonly #screens: RuntimeOptions["screens"];
  #core: typeof CoreModule | undefined;
  #runtime: Runtime | undefined;
  /** The hosts this run's one-shot use cases reached over their own links (a holder started at the end warms them). */
  readonly #usedHosts = new Set<string>();

  constructor(options: RuntimeOptions = {}) {
    this.host = options.host ?? processHost();
    this.#served = options.served;
    this.#screens = options.screens;
  }

  async load(): Promise<void> {
    this.#core ??= await import("../core/moorContext.js");
  }

  /** OPTIONS override the parsed global options; `interactive: false` never prompts and reports no progress (completion). */
  get(command: Command, given: GlobalOptions & { interactive?: boolean } = {}): Runtime {
    if (this.#runtime) return this.#runtime;
    if (!this.#core)
      throw new Error(
        `moor ${command.name()}: the runtime was asked for before it was loaded (a command marked runsWithoutRuntime uses it)`,
      );
    const { interactive = true, ...overrides } = given;
    const globals = { ...command.optsWithGlobals<GlobalOptions>(), ...overrides };
    const { env } = this.host;
    const io = processIo(Boolean(globals.verbose), this.host);
    const knownHosts = globals.knownHosts ?? env.MOOR_KNOWN_HOSTS;
    const served = this.#served;
    const onLinkState = linkTroubleReporter((message) => io.progress(message));
    const ctx: MoorContext = new this.#core.MoorContext({
      ...(globals.configDir ? { configDir: globals.configDir } : {}),
      ...(knownHosts ? { knownHostsFile: knownHosts } : {}),
      env,
      ...(this.#screens ? { screenMemory: this.#screens } : {}),
      ...(interactive && !served
        ? { askPassphrase: askPassphraseOnTty, onProgress: (message: string) => io.progress(message) }
        : {}),
      onLinkState,
      remoteFor: (name, options) => {
        if (served) return served(name, options, (state) => onLinkState(name, state));
        this.#usedHosts.add(name);
        return undefined;
      },
    });
    this.#runtime = { ctx, io };
    return this.#runtime;
  }

  /** Makes sure something types queued prompts: the background holder, or when it may not run, the outbox's own
   *  courier (a background moor that leaves once the outbox is empty). */
  ensureDeliverer(ctx: MoorContext, warm: readonly string[]): void {
    if (this.#served) return;
    const globalArgs = ["--config-dir", ctx.configDir, "--known-hosts", ctx.knownHostsFile];
    if (!holderWanted(ctx.configDir, this.host.env)) return startCourier(ctx.configDir, globalArgs, this.host.env);
    startHolder({
      paths: holderPaths(
        { configDir: ctx.configDir, knownHostsFile: ctx.knownHostsFile, home: ctx.home },
        this.host.env,
      ),
      globalArgs,
      warm,
      env: this.host.env,
    });
  }

  close(): void {
    const ctx = this.#runtime?.ctx;
    ctx?.close();
    if (ctx && this.#usedHosts.size > 0 && !this.#served) this.#startHolder(ctx);
  }

  // Starts a holder for the next command (the lock keeps it to one, and none starts while one runs).
  #startHolder(ctx: MoorContext): void {
    if (!holderWanted(ctx.configDir, this.host.env)) return;
    const identity = { configDir: ctx.configDir, knownHostsFile: ctx.knownHostsFile, home: ctx.home };
    startHolder({
      paths: holderPaths(identity, this.host.env),
      globalArgs: ["--config-dir", ctx.configDir, "--known-hosts", ctx.knownHostsFile],
      warm: [...this.#usedHosts],
    });
  }
}
