import { Command } from "commander";
import { attachTarget } from "../../core/attach/attachTarget.js";
import { formatTarget, parseTarget } from "../../core/target.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { stopOnSignals } from "../terminal/stopSignals.js";
import { TtyTerminal } from "../terminal/ttyTerminal.js";

interface AttachFlags {
  readOnly?: boolean;
  steal?: boolean;
  reconnect: boolean;
}

// moor attach: an interactive tmux client over the host's link that re-attaches by itself after drops.
export function attachCommand(runtime: RuntimeHolder): Command {
  return new Command("attach")
    .description(
      "attach to a session; when the link drops it shows so and re-attaches by itself; the tmux detach key (prefix d) ends it",
    )
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .option("--read-only", "watch only: keys do not reach the pane (the detach key still works)")
    .option("--steal", "detach every other client attached to the session")
    .option("--no-reconnect", "exit with code 3 when the link drops instead of re-attaching")
    .addHelpText(
      "after",
      examples([
        "moor attach gpu1:fix-tests",
        "moor attach gpu1:fix-tests:logs --read-only",
        "moor attach gpu1:fix-tests --steal --no-reconnect",
      ]),
    )
    .action(async (text: string, options: AttachFlags, command: Command) => {
      const target = parseTarget(text, { session: "required", window: "allowed", command: "attach" });
      const { ctx, io } = runtime.get(command);
      const terminal = TtyTerminal.open(io.stdin, io.stdout, io.env);
      // Reconnect progress ("connecting to …") would land on tmux's screen: the banner says it instead.
      io.muteProgress(() => terminal.raw);
      const stop = stopOnSignals(io.stdout);
      const session = formatTarget({ host: target.host, session: target.session });
      try {
        const outcome = await attachTarget(ctx, target, {
          readOnly: Boolean(options.readOnly),
          steal: Boolean(options.steal),
          reconnect: options.reconnect,
          terminal,
          signal: stop.signal,
        });
        if (outcome.kind === "ended") io.info(`session ${session} ended`);
        if (outcome.kind === "interrupted")
          io.info(`left ${session} on ${stop.received() ?? "a signal"}; the session keeps running`);
      } finally {
        stop.dispose();
        terminal.restore(false);
      }
    });
}
