import { Command, Option } from "commander";
import { formatTarget, parseTarget } from "../../core/target.js";
import { writeFileAtomic } from "../atomicWrite.js";
import { capturePane, type CaptureRange } from "../../core/sessions/capturePane.js";
import { parseLineCount } from "../lineCount.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

interface CaptureOptions {
  start?: number;
  all?: boolean;
  output?: string;
}

// moor capture: the pane's text (screen, some history, or all of it) saved locally.
export function captureCommand(runtime: RuntimeHolder): Command {
  return new Command("capture")
    .description(
      "save a pane's scrollback to a local file (written atomically) or standard output; by default the visible screen",
    )
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .addOption(
      new Option("-S, --start <lines>", "also LINES lines of history above the screen (as tmux capture-pane -S -LINES)")
        .argParser(parseLineCount)
        .conflicts("all"),
    )
    .option("--all", "the whole history and the screen")
    .option(
      "-o, --output <file>",
      "write to FILE (a temporary file renamed over it: never half a file) instead of standard output",
    )
    .addHelpText(
      "after",
      examples([
        "moor capture gpu1:fix-tests --all -o fix-tests.txt",
        "moor capture gpu1:fix-tests -S 500 | less",
        "moor capture lab:web:server",
      ]),
    )
    .action(async (targetText: string, options: CaptureOptions, command: Command) => {
      const target = parseTarget(targetText, { session: "required", window: "allowed", command: "capture" });
      const range: CaptureRange = options.all ? "all" : (options.start ?? "screen");
      const { ctx, io } = runtime.get(command);
      const text = await capturePane(ctx, target, range);
      if (options.output === undefined) return void io.stdout.write(text);
      await writeFileAtomic(options.output, text);
      const lines = text === "" ? 0 : text.split("\n").length - 1;
      io.info(`saved ${String(lines)} lines of ${formatTarget(target)} to ${options.output}`);
    });
}
