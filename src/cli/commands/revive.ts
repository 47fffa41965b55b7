import { Command } from "commander";
import { reviveSession } from "../../core/sessions/reviveSession.js";
import { parseWholeSessionTarget } from "../../core/sessions/wholeSessionTarget.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { renderCreated } from "../render/createdSession.js";

// moor revive: the session as `moor new` recorded it, back after a reboot or a killed tmux server.
export function reviveCommand(runtime: RuntimeHolder): Command {
  return new Command("revive")
    .description("recreate a session that vanished (remote reboot, tmux server killed) from what moor new recorded, and restart its command")
    .argument("<target>", "HOST:SESSION")
    .option("--json", "print the revived session as JSON")
    .addHelpText("after", examples(["moor revive gpu1:fix-tests", "moor ls gpu1 && moor revive gpu1:fix-tests && moor attach gpu1:fix-tests"]))
    .action(async (targetText: string, options: { json?: boolean }, command: Command) => {
      const target = parseWholeSessionTarget(targetText, "revive");
      const { ctx, io } = runtime.get(command);
      const revived = await reviveSession(ctx, target);
      if (options.json) return io.json(revived);
      renderCreated(io, "revived", revived);
    });
}
