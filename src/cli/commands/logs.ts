import { Command, InvalidArgumentError } from "commander";
import { formatTarget, parseTarget } from "../../core/target.js";
import type { FollowEvent } from "../../core/sessions/followLog.js";
import type { LogLines } from "../../core/sessions/readLog.js";
import { showLog } from "../../core/sessions/showLog.js";
import type { CliIo } from "../io.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { stopOnSignals } from "../terminal/stopSignals.js";

const DEFAULT_LOG_LINES = 100;

interface LogsOptions {
  follow?: boolean;
  lines: LogLines;
  raw?: boolean;
}

function parseLogLines(value: string): LogLines {
  if (value === "all") return "all";
  const lines = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(lines))
    throw new InvalidArgumentError(`expected a whole number of lines or "all", got "${value}"`);
  return lines;
}

// Link trouble is one line on stderr, never mixed into the log on stdout.
function showEvent(io: CliIo, host: string, target: string, event: FollowEvent): void {
  if (event.kind === "down") io.stderr.write(`${io.err.yellow(`moor: link to ${host} down, reconnecting…`)}\n`);
  else if (event.kind === "resumed")
    io.stderr.write(`${io.err.dim(`moor: resumed (after ${(event.downMs / 1000).toFixed(1)} s)`)}\n`);
  else io.warn(`the log of ${target} was truncated or replaced (${event.reason}); following it from its start`);
}

// moor logs: the session's remote log; -f follows it across link drops, resuming at the next byte.
export function logsCommand(runtime: RuntimeHolder): Command {
  return new Command("logs")
    .description(
      "print the session's remote log (escape sequences stripped unless --raw); -f follows it, resuming across link drops with no byte lost or repeated",
    )
    .argument("<target>", "HOST:SESSION (the log records the session's first window)")
    .option(
      "-f, --follow",
      "keep printing what is appended, like tail -f; a log truncated or replaced is followed from its start; Ctrl-C ends it",
    )
    .option(
      "-n, --lines <lines>",
      `the last LINES lines, or "all"; 0 with -f prints only what comes next`,
      parseLogLines,
      DEFAULT_LOG_LINES,
    )
    .option("--raw", "keep escape sequences (colours, cursor moves) as the log has them")
    .addHelpText(
      "after",
      examples([
        "moor logs gpu1:fix-tests",
        "moor logs gpu1:fix-tests -n all > fix-tests.log",
        "moor logs gpu1:fix-tests -f",
        "moor logs gpu1:fix-tests -f -n 0 --raw",
      ]),
    )
    .action(async (targetText: string, options: LogsOptions, command: Command) => {
      const target = parseTarget(targetText, {
        session: "required",
        window: "none",
        command: "logs",
        hint: (_target, usual) => `${usual}; the log records the session's first window`,
      });
      const { ctx, io } = runtime.get(command);
      const label = formatTarget(target);
      if (!options.follow)
        return await showLog(ctx, target, io.stdout, { lines: options.lines, raw: Boolean(options.raw) });
      const stop = stopOnSignals(io.stdout);
      try {
        const onEvent = (event: FollowEvent): void => showEvent(io, target.host, label, event);
        await showLog(ctx, target, io.stdout, {
          lines: options.lines,
          raw: Boolean(options.raw),
          follow: { signal: stop.signal, onEvent },
        });
      } finally {
        stop.dispose();
      }
    });
}
