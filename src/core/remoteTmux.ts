import type { HostLink } from "../link/hostLink.js";
import { parseTmuxVersion, tmuxVersionArgv, type TmuxVersion } from "../tmux/version.js";
import { requireTmux, type TmuxFeature } from "../tmux/features.js";
import { isNoServer, isTmuxMissing, tmuxFailure } from "../tmux/stderr.js";
import { remoteError } from "./errors.js";

export interface TmuxRunOptions {
  stdin?: string | Buffer;
  /** The HOST:SESSION the command is about, for messages. */
  target?: string;
  /** What moor was doing, for messages ("sending keys"). */
  action?: string;
  /** "no server running" means no sessions rather than an error (ls, watch). */
  noServerIsEmpty?: boolean;
}

// tmux on one host, over its link: version detected once, each failure turned into the right exit code
// (tmux missing or too old: 6; no such session: 5; anything else tmux refused: 6).
export class RemoteTmux {
  readonly link: HostLink;
  readonly host: string;
  #version: Promise<TmuxVersion> | undefined;

  constructor(link: HostLink) {
    this.link = link;
    this.host = link.label;
  }

  version(): Promise<TmuxVersion> {
    this.#version ??= this.#detectVersion();
    return this.#version;
  }

  async require(feature: TmuxFeature | "moor"): Promise<TmuxVersion> {
    const version = await this.version();
    requireTmux(version, feature, this.host);
    return version;
  }

  /** Runs one tmux invocation (argv starting with "tmux") and returns its stdout. */
  async run(argv: readonly string[], options: TmuxRunOptions = {}): Promise<string> {
    const result = await this.link.exec(argv, options.stdin === undefined ? {} : { stdin: options.stdin });
    if (result.code === 0) return result.stdout.toString();
    const stderr = result.stderr.toString();
    if (isTmuxMissing(stderr, result.code)) throw this.#missing();
    if (options.noServerIsEmpty && isNoServer(stderr)) return "";
    throw tmuxFailure(stderr, result.code, { host: this.host, target: options.target ?? this.host, action: options.action ?? `running tmux ${argv[1] ?? ""}`.trimEnd() });
  }

  async #detectVersion(): Promise<TmuxVersion> {
    const result = await this.link.exec(tmuxVersionArgv());
    if (result.code !== 0) throw this.#missing();
    return parseTmuxVersion(result.stdout.toString(), this.host);
  }

  #missing(): Error {
    return remoteError(`tmux is not installed on ${this.host} (or not on the PATH of the login shell)`, {
      hint: `install it there, e.g. "sudo apt-get install tmux" or "sudo dnf install tmux"`,
    });
  }
}
