import { Command } from "commander";
import { systemClock } from "../../clock.js";
import { runProgram } from "../../notify/runProgram.js";
import { sendTestNotification, type ChannelResult } from "../../notify/sendTest.js";
import { tmuxPassthrough } from "../../notify/tmuxPassthrough.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

function resultLine(result: ChannelResult): string {
  if (!result.on) return `${result.name}: off (${result.via})`;
  if (result.problem !== undefined) return `${result.name}: failed: ${result.problem}`;
  return `${result.name}: sent (${result.via})`;
}

// moor notify test: one test notification through every channel that is on, saying which worked.
export function notifyCommand(runtime: RuntimeHolder): Command {
  const notify = new Command("notify")
    .description("notifications: try the channels that are on")
    .addHelpText("after", examples(["moor notify test"]));
  notify.addCommand(
    new Command("test")
      .description(
        "send one test notification through every channel that is on (terminal, desktop, notify.command), and say which worked",
      )
      .option("--json", "print the result of each channel as JSON")
      .addHelpText(
        "after",
        examples(["moor notify test", "moor config set notify.command 'logger -t moor' && moor notify test"]),
      )
      .action(async (options: { json?: boolean }, command: Command) => {
        const { ctx, io } = runtime.get(command);
        // Notifier processes are unref'd (a watch never waits for them at exit); this one must wait for them.
        const release = systemClock.hold();
        const results = await sendTestNotification(
          {
            settings: ctx.settings.read(),
            env: io.env,
            runProgram,
            terminal: { isTTY: Boolean(io.stderr.isTTY), write: (bytes) => void io.stderr.write(bytes) },
            tmuxPassthrough: await tmuxPassthrough(io.env),
          },
          Date.now(),
        ).finally(release);
        if (options.json)
          return io.json(
            results.map((result) => ({
              channel: result.name,
              on: result.on,
              worked: result.on && result.problem === undefined,
              detail: result.problem ?? result.via,
            })),
          );
        io.print(results.map(resultLine).join("\n"));
      }),
  );
  return notify;
}
