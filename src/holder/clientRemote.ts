import type { LinkOptions } from "../core/moorContext.js";
import type { HostLink } from "../link/hostLink.js";
import { ONE_SHOT_RETRY, type LinkState } from "../link/linkState.js";
import type { RemoteExec } from "../link/remoteExec.js";
import type { ExecOptions, ExecResult } from "../link/types.js";
import { HolderClient, HolderUnavailable } from "./client.js";
import { startHolder } from "./clientStart.js";
import type { HolderPaths } from "./paths.js";

export interface HolderRunOptions {
  paths: HolderPaths;
  version: string;
  globalArgs: readonly string[];
  /** A host's link state while one of its commands waits (the CLI says "link down, retrying…"). */
  onLink?: (host: string, state: LinkState) => void;
  /** Why the holder was not used, for -v. */
  onFallback?: (reason: string) => void;
}

// One command's use of the holder: connects once, on the first remote command; serves each host's commands
// through it; falls back to the host's own link whenever the holder cannot answer; and at the end starts a fresh
// holder if none served this command.
export class HolderRun {
  readonly #options: HolderRunOptions;
  readonly #hosts = new Set<string>();
  #client: Promise<HolderClient | undefined> | undefined;
  /** The holder was missing, stale, of another version, or went away: the rest of the run goes direct. */
  #broken = false;

  constructor(options: HolderRunOptions) {
    this.#options = options;
  }

  remoteFor(host: string, options: LinkOptions, direct: () => HostLink): RemoteExec {
    this.#hosts.add(host);
    return { label: host, exec: (argv, execOptions) => this.#exec(host, argv, execOptions ?? {}, options, direct) };
  }

  /** Ends the conversation; starts a holder for the next command when this one found none that could serve it. */
  finish(): void {
    void this.#client?.then((client) => client?.close());
    if (this.#broken) {
      startHolder({ paths: this.#options.paths, globalArgs: this.#options.globalArgs, warm: [...this.#hosts] });
    }
  }

  async #exec(
    host: string,
    argv: readonly string[],
    execOptions: ExecOptions,
    link: LinkOptions,
    direct: () => HostLink,
  ): Promise<ExecResult> {
    const client = this.#broken ? undefined : await this.#connect();
    if (client) {
      try {
        const onLink = this.#options.onLink;
        return await client.exec(host, argv, {
          ...(execOptions.stdin === undefined ? {} : { stdin: execOptions.stdin }),
          retries: link.retry?.retries ?? ONE_SHOT_RETRY.retries,
          ...(onLink ? { onLink: (state: LinkState) => onLink(host, state) } : {}),
        });
      } catch (error) {
        if (!(error instanceof HolderUnavailable)) throw error;
        this.#options.onFallback?.(error.message);
        if (error.gone) this.#broken = true;
      }
    }
    return await direct().exec(argv, execOptions);
  }

  #connect(): Promise<HolderClient | undefined> {
    this.#client ??= HolderClient.connect({ paths: this.#options.paths, version: this.#options.version }).catch(
      (error: unknown) => {
        this.#broken = true;
        this.#options.onFallback?.(error instanceof Error ? error.message : String(error));
        return undefined;
      },
    );
    return this.#client;
  }
}
