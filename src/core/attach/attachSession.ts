import { untilAborted } from "../../link/untilAborted.js";
import { systemClock, type Clock } from "../../clock.js";
import type { LinkState } from "../../link/linkState.js";
import type { RemoteChannel } from "../../link/types.js";
import { MoorError, ExitCode, hostUnreachableError } from "../../errors.js";
import { ChannelRun } from "./channelRun.js";
import { finishAttach } from "./finishAttach.js";
import { Outage } from "./outage.js";
import type { AttachLink } from "../../link/linkSlices.js";
import type { AttachOutcome, AttachTerminal } from "./ports.js";

/** A channel that closed by itself while the link stayed up is reopened after this pause. */
const REOPEN_DELAY_MS = 500;

export interface AttachSessionOptions {
  link: AttachLink;
  terminal: AttachTerminal;
  /** The remote tmux client's argv. */
  argv: readonly string[];
  /** HOST:SESSION[:WINDOW] as the user wrote it, for messages. */
  target: string;
  reconnect: boolean;
  /** Asked after tmux exits without saying why: is the target still there? */
  targetExists: () => Promise<boolean>;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// The interactive attach that survives drops: one remote tmux client at a time, a banner while the link
// is silent, a fresh client (which redraws the whole screen) once the link is back. Keys typed while
// the link is quiet or down are dropped, never replayed later.
export async function attachSession(options: AttachSessionOptions): Promise<AttachOutcome> {
  const { link, terminal, signal } = options;
  const clock = options.clock ?? systemClock;
  const outage = new Outage({ terminal, clock, host: link.label, reconnecting: options.reconnect });
  const state: { run: ChannelRun | undefined; clean: boolean } = { run: undefined, clean: false };
  const onState = (next: LinkState): void => followLink(next, state.run, outage, terminal);
  const onAbort = (): void => state.run?.abort();
  const stopInput = terminal.onInput((data) => {
    if (!outage.active && link.state.kind === "up") state.run?.input(data);
  });
  const stopResize = terminal.onResize(() => {
    const { rows, cols } = terminal.size();
    state.run?.resize(rows, cols);
  });
  link.events.on("state", onState);
  signal?.addEventListener("abort", onAbort);
  terminal.start();
  try {
    return await attachLoop(options, outage, state);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    link.events.off("state", onState);
    stopInput();
    stopResize();
    outage.dispose();
    terminal.restore(state.clean);
  }
}

function followLink(state: LinkState, run: ChannelRun | undefined, outage: Outage, terminal: AttachTerminal): void {
  if (state.kind === "quiet") outage.begin(state.lastContact, false);
  if (state.kind === "down") {
    outage.begin(state.lastContact, true);
    run?.drop();
  }
  // Back without a reconnect (a short blip): the banner row is repainted by a redraw of the same client.
  if (state.kind === "up" && outage.active && !outage.down && run?.live) {
    outage.end();
    const { rows, cols } = terminal.size();
    run.redraw(rows, cols);
  }
}

async function attachLoop(
  options: AttachSessionOptions,
  outage: Outage,
  state: { run: ChannelRun | undefined; clean: boolean },
): Promise<AttachOutcome> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? defaultSleep;
  let term = options.terminal.term;
  for (;;) {
    const channel = await openChannel(options, term, sleep);
    if (channel === undefined) return { kind: "interrupted" };
    outage.end();
    state.run = new ChannelRun(channel, options.terminal);
    const end = await state.run.finished;
    state.run = undefined;
    if (end.kind === "aborted") return { kind: "interrupted" };
    if (end.kind === "exit") {
      const verdict = await finishAttach(end, {
        term,
        target: options.target,
        host: options.link.label,
        targetExists: options.targetExists,
      });
      if (verdict.kind === "retry") {
        term = verdict.term;
        continue;
      }
      state.clean = true;
      return verdict;
    }
    if (!options.reconnect) throw droppedError(options);
    outage.begin(clock.now(), true);
    if (options.link.state.kind === "up") await sleep(REOPEN_DELAY_MS);
  }
}

// Opens the next client, waiting (through the link's own reconnects) as long as it takes; undefined when aborted.
async function openChannel(
  options: AttachSessionOptions,
  term: string,
  sleep: (ms: number) => Promise<void>,
): Promise<RemoteChannel | undefined> {
  const { link, terminal, signal } = options;
  for (;;) {
    if (signal?.aborted) return undefined;
    try {
      return await untilAborted(link.open(options.argv, { pty: { ...terminal.size(), term } }), signal, (late) =>
        late.close(),
      );
    } catch (error) {
      if (signal?.aborted) return undefined;
      if (!options.reconnect || !(error instanceof MoorError) || error.exitCode !== ExitCode.unreachable) throw error;
      await sleep(REOPEN_DELAY_MS);
    }
  }
}

function droppedError(options: AttachSessionOptions): MoorError {
  return hostUnreachableError(`the link to ${options.link.label} dropped; left ${options.target} (--no-reconnect)`, {
    hint: `the session keeps running; "moor attach ${options.target}" attaches again`,
  });
}
