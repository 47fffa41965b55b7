import type { HostLink } from "../link/hostLink.js";
import { parseTmuxVersion, tmuxVersionArgv, type TmuxVersion } from "../tmux/version.js";
import { requireTmux, type TmuxFeature } from "../tmux/features.js";
import { runTmux } from "./sessions/tmuxCall.js";
import { tmuxMissingError } from "../tmux/stderr.js";

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
  run(argv: readonly string[], options: TmuxRunOptions = {}): Promise<string> {
    return runTmux(this.link, argv, {
      target: options.target ?? this.host,
      action: options.action ?? `running tmux ${argv.find((arg) => !arg.startsWith("-") && arg !== "tmux") ?? ""}`.trimEnd(),
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.noServerIsEmpty ? { noServerIsEmpty: true } : {}),
    });
  }

  async #detectVersion(): Promise<TmuxVersion> {
    const result = await this.link.exec(tmuxVersionArgv());
    if (result.code !== 0) throw tmuxMissingError(this.host);
    return parseTmuxVersion(result.stdout.toString(), this.host);
  }
}
