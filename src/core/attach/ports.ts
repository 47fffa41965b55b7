// What the banner says while the link is silent: the CLI turns it into words.
export interface OutageNotice {
  host: string;
  /** Whole seconds since the last byte from the host. */
  silentSeconds: number;
  /** The connection is known dead (keepalive gave up), not merely quiet. */
  down: boolean;
  /** false with --no-reconnect: moor will exit rather than re-attach. */
  reconnecting: boolean;
}

// The local terminal as the attach loop sees it, so the loop can be tested with a fake.
export interface AttachTerminal {
  /** TERM for the remote pseudo-terminal. */
  readonly term: string;
  size(): { rows: number; cols: number };
  /** Raw mode on; called once the target is known to exist. */
  start(): void;
  /** A new remote client is about to draw: anything half-received from the previous one is dropped. */
  beginStream(): void;
  write(chunk: Buffer): void;
  onInput(listener: (data: Buffer) => void): () => void;
  onResize(listener: () => void): () => void;
  showBanner(notice: OutageNotice): void;
  clearBanner(): void;
  /** Cooked mode, cursor visible; clean=false also undoes the modes a vanished tmux client left on. */
  restore(clean: boolean): void;
}

// How an attach ended without an error.
export type AttachOutcome = { kind: "detached" } | { kind: "ended" } | { kind: "interrupted" };
