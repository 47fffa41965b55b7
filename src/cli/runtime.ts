import type { Command } from "commander";
import type * as CoreModule from "../core/moorContext.js";
import type { LinkOptions, MoorContext } from "../core/moorContext.js";
import type { RemoteExec } from "../link/remoteExec.js";
import type { ScreenMemory } from "../core/overview/screenMemory.js";
import { HolderRun } from "../holder/clientRemote.js";
import { holderWanted } from "../holder/wanted.js";
import { holderPaths } from "../holder/paths.js";
import { holderVersion } from "../holder/version.js";
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
// needs it, so --version, --help and light commands start without it. One-shot commands' remote
// commands go through the background holder when one may run (see holder/clientRemote.ts).
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
  #holder: HolderRun | undefined;

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
    let holder: HolderRun | undefined | null = null;
    const ctx: MoorContext = new this.#core.MoorContext({
      ...(globals.configDir ? { configDir: globals.configDir } : {}),
      ...(knownHosts ? { knownHostsFile: knownHosts } : {}),
      env,
      ...(this.#screens ? { screenMemory: this.#screens } : {}),
      ...(interactive && !served
        ? { askPassphrase: askPassphraseOnTty, onProgress: (message: string) => io.progress(message) }
        : {}),
      onLinkState,
      remoteFor: (name, options, direct) => {
        if (served) return served(name, options, (state) => onLinkState(name, state));
        if (holder === null) holder = this.#holderRun(ctx, io, onLinkState);
        return holder?.remoteFor(name, options, direct);
      },
    });
    this.#runtime = { ctx, io };
    return this.#runtime;
  }

  close(): void {
    this.#runtime?.ctx.close();
    this.#holder?.finish();
  }

  #holderRun(ctx: MoorContext, io: CliIo, onLink: (host: string, state: LinkState) => void): HolderRun | undefined {
    if (!holderWanted(ctx.configDir, this.host.env)) return undefined;
    const identity = { configDir: ctx.configDir, knownHostsFile: ctx.knownHostsFile, home: ctx.home };
    this.#holder = new HolderRun({
      paths: holderPaths(identity),
      version: holderVersion(),
      globalArgs: ["--config-dir", ctx.configDir, "--known-hosts", ctx.knownHostsFile],
      onLink,
      onFallback: (reason) => {
        if (io.verbose) io.progress(`not through the background holder (${reason}): connecting directly`);
      },
    });
    return this.#holder;
  }
}
