import type { Command } from "commander";
import { MoorContext } from "../core/moorContext.js";
import { processIo, type CliIo } from "./io.js";
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

// Builds the runtime from the global options once the command line is parsed; closed by run().
export class RuntimeHolder {
  #runtime: Runtime | undefined;

  get(command: Command): Runtime {
    if (this.#runtime) return this.#runtime;
    const globals = command.optsWithGlobals<GlobalOptions>();
    const io = processIo(Boolean(globals.verbose));
    const knownHosts = globals.knownHosts ?? process.env.MOOR_KNOWN_HOSTS;
    const ctx = new MoorContext({
      ...(globals.configDir ? { configDir: globals.configDir } : {}),
      ...(knownHosts ? { knownHostsFile: knownHosts } : {}),
      askPassphrase: askPassphraseOnTty,
      onProgress: (message) => io.progress(message),
    });
    this.#runtime = { ctx, io };
    return this.#runtime;
  }

  close(): void {
    this.#runtime?.ctx.close();
  }
}
