import { Command, InvalidArgumentError } from "commander";
import { usageError } from "../../errors.js";
import { resolveTargets } from "../../core/overview/hostNames.js";
import { freshHosts } from "../../core/overview/freshHosts.js";
import { watchedQuestion } from "../../core/overview/watchedQuestion.js";
import { parseTarget } from "../../core/target.js";
import { startWatch } from "../../core/overview/startWatch.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import { systemClock } from "../../clock.js";
import { examples } from "../render/examples.js";
import type { GlobalOptions, RuntimeHolder } from "../runtime.js";
import { stopOnSignals } from "../terminal/stopSignals.js";
import { attachInChild } from "../watch/attachChild.js";
import { runJsonStream } from "../watch/jsonStream.js";
import { watchNotifications } from "../watch/watchNotifications.js";
import { watchCourier } from "../watch/watchCourier.js";
import { watchActions } from "../watch/watchActions.js";
import { openOutbox } from "./outbox/openOutbox.js";
import { processTerminal } from "../watch/terminal.js";
import { runWatchView, type RunningView } from "../watch/watchView.js";

const JSON_HELP = `
Keys: ↑/↓ or j/k move, Enter attaches (detach to come back), p peeks at the pane's last lines, q quits. Sessions
that need you come first. On an asking session, its question and options show below the list: 1–9, y and n answer
it (as moor answer, only if the question is still the one shown), Esc dismisses it. r types a one-line reply to the
selected session: sent as moor send, or queued (moor outbox) when its host is dark. The last line says what was done.

JSON (--json, or when standard output is not a terminal): one event a line, the current picture first, then changes:
  {"type":"link","host","at","kind":"up"|"quiet"|"down"|"retrying"|"connecting"|"failed",...}  (the link's state fields)
  {"type":"session","host","session","at","status","command","attached","clients","activity","windows","line",...}
  {"type":"removed","host","session","at"}    {"type":"host","host","at","error":string|null}
  "at" is epoch ms; "line" is the latest line of the session's first pane. It runs until interrupted (exit 0).
`;

// --interval in seconds: fractions allowed, but not so small that polling becomes the load.
function parseInterval(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds < 0.25 || seconds > 3_600)
    throw new InvalidArgumentError(`expected seconds from 0.25 to 3600, got "${value}"`);
  return seconds;
}

function globalArgs(globals: GlobalOptions): string[] {
  return [
    ...(globals.configDir ? ["--config-dir", globals.configDir] : []),
    ...(globals.knownHosts ? ["--known-hosts", globals.knownHosts] : []),
  ];
}

// moor watch: a live full-screen view of every session (or a JSON event stream), through link drops.
export function watchCommand(runtime: RuntimeHolder): Command {
  return new Command("watch")
    .description("live view of every session on every host (or the HOSTs/targets given), with each host's link state")
    .argument("[target...]", "HOST or HOST:SESSION (default: every registered host)")
    .option("--interval <seconds>", "seconds between polls", parseInterval, 2)
    .option("--json", "stream one JSON event a line instead of drawing the screen")
    .option("--no-notify", "no notifications (terminal, desktop, notify.command) from this watch")
    .addHelpText(
      "after",
      `${JSON_HELP}${examples(["moor watch", "moor watch gpu1 lab:agent --interval 5", "moor watch --json | jq -c 'select(.type==\"link\")'"])}`,
    )
    .action(
      async (texts: string[], options: { interval: number; json?: boolean; notify: boolean }, command: Command) => {
        const named = texts.map((text) =>
          parseTarget(text, { session: "optional", window: "allowed", command: "watch" }),
        );
        const { ctx, io } = runtime.get(command);
        const targets = resolveTargets(ctx, named);
        if (targets.length === 0)
          throw usageError(
            "nothing to watch: no hosts are registered",
            "add one with: moor host add NAME user@hostname",
          );
        const fullScreen = !options.json && Boolean(io.stdout.isTTY) && Boolean(io.stdin.isTTY);
        const notices: { show?: (message: string) => void } = {};
        const notifier = options.notify
          ? await watchNotifications(ctx, io, fullScreen, (message) => notices.show?.(message))
          : undefined;
        const outbox = openOutbox(ctx);
        const questionText = watchedQuestion(ctx.rules);
        let latest: WatchSnapshot | undefined;
        const courier = watchCourier(ctx, outbox, {
          announce: (change) => notifier?.announce(change),
          notice: (message) => notices.show?.(message),
        });
        const start = (onChange: (snapshot: WatchSnapshot) => void) =>
          startWatch(ctx, targets, {
            intervalMs: options.interval * 1_000,
            onChange: (snapshot) => {
              latest = snapshot;
              notifier?.observe(freshHosts(snapshot.hosts, questionText));
              courier.observe(snapshot);
              onChange(snapshot);
            },
          });
        const running: RunningView = fullScreen
          ? runWatchView({
              terminal: processTerminal(io.stdin, io.stdout),
              clock: systemClock,
              style: io.out,
              timeOfDay: (ms) => new Date(ms).toTimeString().slice(0, 8),
              start,
              attach: (target) => attachInChild(target, globalArgs(command.optsWithGlobals<GlobalOptions>())),
              ...watchActions(ctx, outbox, () => latest),
            })
          : runJsonStream(
              start,
              (line) => void io.stdout.write(`${line}\n`),
              (message) => io.warn(message),
            );
        notices.show = (message) => running.notice(message);
        const stop = stopOnSignals(io.stdout);
        stop.signal.addEventListener("abort", () => running.quit(), { once: true });
        try {
          await running.done;
        } finally {
          notifier?.flush();
          stop.dispose();
        }
      },
    );
}
