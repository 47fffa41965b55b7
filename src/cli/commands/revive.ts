import { Command } from "commander";
import { reviveSession } from "../../core/sessions/reviveSession.js";
import { parseWholeSessionTarget } from "../../core/sessions/wholeSessionTarget.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { renderCreated } from "../render/createdSession.js";

// moor revive: the session as `moor new` recorded it, back after a reboot or a killed tmux server.
export function reviveCommand(runtime: RuntimeHolder): Command {
  return new Command("revive")
    .description(
      "recreate a session that vanished (remote reboot, tmux server killed) from what moor new recorded, and restart its command",
    )
    .argument("<target>", "HOST:SESSION")
    .option(
      "--fresh",
      "run the recorded command as it was, without the agent's option for continuing its last conversation",
    )
    .option("--json", "print the revived session as JSON")
    .addHelpText(
      "after",
      `
A known agent continues its last conversation: claude --continue, codex resume --last, opencode --continue,
gemini --resume latest (each agent's "resume" in agents.json). --fresh starts it anew.`,
    )
    .addHelpText(
      "after",
      examples([
        "moor revive gpu1:fix-tests",
        "moor revive gpu1:fix-tests --fresh",
        "moor ls gpu1 && moor revive gpu1:fix-tests && moor attach gpu1:fix-tests",
      ]),
    )
    .action(async (targetText: string, options: { json?: boolean; fresh?: boolean }, command: Command) => {
      const target = parseWholeSessionTarget(targetText, "revive");
      const { ctx, io } = runtime.get(command);
      const revived = await reviveSession(ctx, target, { fresh: options.fresh === true });
      if (options.json) return io.json(revived);
      renderCreated(io, "revived", revived);
    });
}
