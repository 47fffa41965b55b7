import type { KeyCache } from "./keyCache.js";
import type { Duplex, Readable, Writable } from "node:stream";

// Everything needed to open one ssh connection; resolved by core from the registry or ~/.ssh/config.
export interface ConnectSpec {
  /** The name the user typed (registered host or ssh alias), used in every message. */
  label: string;
  hostname: string;
  port: number;
  user: string;
  /** Explicit identity files; when empty the default keys in ~/.ssh are tried. */
  identityFiles: string[];
  jump?: ConnectSpec;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
}

export interface ConnectOptions {
  knownHostsFile: string;
  acceptNew: boolean;
  agentSocket?: string;
  home: string;
  readyTimeoutMs: number;
  /** TCP connect and key exchange must finish within this (a blackholed link accepts and then hangs). */
  handshakeTimeoutMs?: number;
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
  /** Shares loaded keys (and their one passphrase prompt) across the run's connections. */
  keyCache?: KeyCache;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface ExecResult {
  stdout: Buffer;
  stderr: Buffer;
  code: number;
  signal?: string;
}

export interface ExecOptions {
  stdin?: string | Buffer;
  signal?: AbortSignal;
  /** Called when the server has opened the command's channel: the host answers, and the command runs. */
  onOpen?: () => void;
}

export interface PtyOptions {
  rows: number;
  cols: number;
  term: string;
}

export interface ChannelExit {
  code: number | null;
  signal?: string;
}

// A long-lived remote process (a followed log, an attached tmux client) with its streams.
export interface RemoteChannel {
  readonly stdout: Readable;
  readonly stderr: Readable;
  readonly stdin: Writable;
  readonly exit: Promise<ChannelExit>;
  resize(rows: number, cols: number): void;
  close(): void;
}

export type HostKeyStatus = "known" | "recorded";

// One authenticated ssh connection. Everything above the ssh layer sees only this.
export interface SshSession {
  readonly authMethod: string;
  readonly hostKeyStatus: HostKeyStatus;
  readonly hostKeyFingerprint: string;
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  open(command: string, options?: { pty?: PtyOptions }): Promise<RemoteChannel>;
  /** A TCP stream to host:port opened from the remote side (how ProxyJump reaches the next box). */
  forward(host: string, port: number): Promise<Duplex>;
  /** Epoch ms of the last bytes received from the server (keepalive replies count). */
  lastContact(): number;
  onClose(listener: (error?: Error) => void): void;
  close(): void;
  /** Drops the connection at once, without a goodbye (its path is dead); what ran on it fails as a network error. */
  destroy(): void;
}
