import type { RemoteExec } from "../link/remoteExec.js";
import type { ExecOptions, ExecResult } from "../link/types.js";
import { hasAttachTargetArgv } from "../tmux/attach.js";
import { requireTmux, type TmuxFeature } from "../tmux/features.js";
import { hasSessionArgv } from "../tmux/session.js";
import { isNoServer, isNoSession, tmuxFailure, tmuxMissingError } from "../tmux/stderr.js";
import { parseTmuxVersion, tmuxVersionArgv, type TmuxVersion } from "../tmux/version.js";

export interface TmuxRunOptions {
  stdin?: string | Buffer;
  /** The HOST:SESSION the command is about, for messages. */
  target?: string;
  /** What moor was doing, for messages ("sending keys"). */
  action?: string;
  /** "no server running" means no sessions rather than an error (ls, watch, kill --all). */
  noServerIsEmpty?: boolean;
}

// tmux on one host: the only place moor runs tmux. Version detected once, each failure turned into the right exit
// code (tmux missing or too old: 6; no such session: 5; anything else tmux refused: 6). It runs over a RemoteExec:
// the host's own link, or the background holder's.
export class RemoteTmux {
  readonly remote: RemoteExec;
  readonly host: string;
  #version: Promise<TmuxVersion> | undefined;

  constructor(remote: RemoteExec) {
    this.remote = remote;
    this.host = remote.label;
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

  /** What `tmux -V` says ("tmux 3.3a"), or null when tmux cannot be run there (host test reports it). */
  async versionText(): Promise<string | null> {
    const result = await this.remote.exec(tmuxVersionArgv());
    return result.code === 0 ? result.stdout.toString().trim() : null;
  }

  /** Runs one tmux invocation (argv starting with "tmux") and returns its stdout. A host where tmux never ran
   *  ("error connecting to ... (No such file or directory)") counts as no server, not as tmux missing. */
  async run(argv: readonly string[], options: TmuxRunOptions = {}): Promise<string> {
    const result = await this.remote.exec(argv, options.stdin === undefined ? {} : { stdin: options.stdin });
    if (result.code === 0) return result.stdout.toString();
    if (options.noServerIsEmpty === true && isNoServer(result.stderr.toString())) return "";
    const action =
      options.action ?? `running tmux ${argv.find((arg) => !arg.startsWith("-") && arg !== "tmux") ?? ""}`.trimEnd();
    throw tmuxFailure(result.stderr.toString(), result.code, {
      host: this.host,
      target: options.target ?? this.host,
      action,
    });
  }

  /** Runs tmux inside one of moor's scripts (argv ends with the tmux invocation); the caller reads its exit status. */
  scripted(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.remote.exec(argv, options);
  }

  /** Whether the session exists (exact name); tmux missing is an error (6), no tmux server means no. */
  async hasSession(session: string, target: string): Promise<boolean> {
    const result = await this.remote.exec(hasSessionArgv(session));
    if (result.code === 0) return true;
    const stderr = result.stderr.toString();
    if (isNoServer(stderr) || isNoSession(stderr)) return false;
    throw tmuxFailure(stderr, result.code, { host: this.host, target, action: "looking for the session" });
  }

  /** Whether the session (and window) can still be attached to; any failure counts as no. */
  async canAttach(session: string, window: string | undefined): Promise<boolean> {
    return (await this.remote.exec(hasAttachTargetArgv(session, window))).code === 0;
  }

  async #detectVersion(): Promise<TmuxVersion> {
    const text = await this.versionText();
    if (text === null) throw tmuxMissingError(this.host);
    return parseTmuxVersion(text, this.host);
  }
}
