// The signals that end an interactive program: Ctrl-C, Ctrl-\, kill, the terminal closing.
const SIGNALS = ["SIGINT", "SIGQUIT", "SIGTERM", "SIGHUP"] as const;

/** Why a long-running command was told to stop: a signal, or its standard output went away. */
type StopReason = NodeJS.Signals | "output closed";

export interface StopOnSignals {
  signal: AbortSignal;
  received(): StopReason | undefined;
  dispose(): void;
}

// The one way `logs -f`, `watch` and `attach` stop: any of SIGNALS, or an error on standard output (EPIPE or
// ECONNRESET: the reader went away, as with `| head`, which is the other end's doing, not a crash) becomes an
// abort, so the command unwinds through its finally blocks, restores the terminal and exits 0.
export function stopOnSignals(stdout?: NodeJS.EventEmitter): StopOnSignals {
  const controller = new AbortController();
  let received: StopReason | undefined;
  const stop = (reason: StopReason): void => {
    received ??= reason;
    controller.abort();
  };
  const onSignal = (name: NodeJS.Signals): void => stop(name);
  const onOutputError = (): void => stop("output closed");
  for (const name of SIGNALS) process.on(name, onSignal);
  stdout?.on("error", onOutputError);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
      stdout?.off("error", onOutputError);
    },
  };
}
