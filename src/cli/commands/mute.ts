import { Command } from "commander";
import { formatTarget, parseTarget } from "../../core/target.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

// HOST or HOST:SESSION as the mute list keeps it; a window is refused (notifications are per session).
function muteEntry(text: string, verb: string): string {
  return formatTarget(parseTarget(text, { session: "optional", window: "none", command: verb }));
}

function muteList(runtime: RuntimeHolder, command: Command): void {
  const { ctx, io } = runtime.get(command);
  const { mute } = ctx.settings.read();
  const all = [...mute.hosts, ...mute.targets];
  if (all.length === 0) return io.info("nothing is muted");
  io.print(all.join("\n"));
}

// moor mute: no notifications for that session or host (kept in moor's settings); alone, lists what is muted.
export function muteCommand(runtime: RuntimeHolder): Command {
  return new Command("mute")
    .description("no notifications for a session or a whole host; with no argument, list what is muted")
    .argument("[target]", "HOST or HOST:SESSION")
    .addHelpText("after", examples(["moor mute gpu1:fix-tests", "moor mute lab", "moor mute"]))
    .action((text: string | undefined, _options: unknown, command: Command) => {
      if (text === undefined) return muteList(runtime, command);
      const entry = muteEntry(text, "mute");
      const { ctx, io } = runtime.get(command);
      io.info(ctx.settings.mute(entry) ? `muted ${entry}` : `${entry} was muted already`);
    });
}

// moor unmute: notifications again for that session or host.
export function unmuteCommand(runtime: RuntimeHolder): Command {
  return new Command("unmute")
    .description("notifications again for a session or a host")
    .argument("<target>", "HOST or HOST:SESSION")
    .addHelpText("after", examples(["moor unmute gpu1:fix-tests", "moor unmute lab"]))
    .action((text: string, _options: unknown, command: Command) => {
      const entry = muteEntry(text, "unmute");
      const { ctx, io } = runtime.get(command);
      io.info(ctx.settings.unmute(entry) ? `unmuted ${entry}` : `${entry} was not muted`);
    });
}
