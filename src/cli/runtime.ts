import type { Command } from "commander";
import type * as CoreModule from "../core/moorContext.js";
import type { MoorContext } from "../core/moorContext.js";
import { HolderRun, holderWanted } from "../holder/clientRemote.js";
import { holderPaths } from "../holder/paths.js";
import { holderVersion } from "../holder/version.js";
import type { LinkState } from "../link/linkState.js";
import { processIo, type CliIo } from "./io.js";
import { linkTroubleReporter } from "./linkTrouble.js";
import { askPassphraseOnTty } from "./passphrase.js";

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
export class RuntimeHolder {
  #core: typeof CoreModule | undefined;
  #runtime: Runtime | undefined;
  #holder: HolderRun | undefined;

  async load(): Promise<void> {
    this.#core ??= await import("../core/moorContext.js");
  }

  /** OPTIONS override the parsed global options; `interactive: false` never prompts and reports no progress (completion). */
  get(command: Command, given: GlobalOptions & { interactive?: boolean } = {}): Runtime {
    if (this.#runtime) return this.#runtime;
    if (!this.#core) throw new Error(`moor ${command.name()}: the runtime was asked for before it was loaded (a command marked runsWithoutRuntime uses it)`);
    const { interactive = true, ...overrides } = given;
    const globals = { ...command.optsWithGlobals<GlobalOptions>(), ...overrides };
    const io = processIo(Boolean(globals.verbose));
    const knownHosts = globals.knownHosts ?? process.env.MOOR_KNOWN_HOSTS;
    const onLinkState = linkTroubleReporter((message) => io.progress(message));
    let holder: HolderRun | undefined | null = null;
    const ctx: MoorContext = new this.#core.MoorContext({
      ...(globals.configDir ? { configDir: globals.configDir } : {}),
      ...(knownHosts ? { knownHostsFile: knownHosts } : {}),
      ...(interactive ? { askPassphrase: askPassphraseOnTty, onProgress: (message: string) => io.progress(message) } : {}),
      onLinkState,
      remoteFor: (name, options, direct) => {
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
    if (!holderWanted(ctx.configDir, process.env)) return undefined;
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
