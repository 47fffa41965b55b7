import { Command } from "commander";
import { parseTarget } from "../../core/target.js";
import { DEFAULT_PEEK_LINES, peekPane } from "../../core/sessions/peekPane.js";
import { parseLineCount } from "../lineCount.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

// moor peek: a glance at the end of a pane, without attaching.
export function peekCommand(runtime: RuntimeHolder): Command {
  return new Command("peek")
    .description("print the last lines of a pane, without attaching")
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .option(
      "-n, --lines <lines>",
      "how many lines (history included when the screen has fewer)",
      parseLineCount,
      DEFAULT_PEEK_LINES,
    )
    .option("--ansi", "keep colours and attributes (as escape sequences)")
    .addHelpText(
      "after",
      examples(["moor peek gpu1:fix-tests", "moor peek gpu1:fix-tests -n 5", "moor peek lab:web:server --ansi"]),
    )
    .action(async (targetText: string, options: { lines: number; ansi?: boolean }, command: Command) => {
      const target = parseTarget(targetText, { session: "required", window: "allowed", command: "peek" });
      const { ctx, io } = runtime.get(command);
      const text = await peekPane(ctx, { target, lines: options.lines, ansi: Boolean(options.ansi) });
      io.stdout.write(text);
    });
}
