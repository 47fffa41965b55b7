import { Command } from "commander";
import { reviveSession, type RevivedSession } from "../../core/sessions/reviveSession.js";
import { parseTarget } from "../../core/target.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { renderCreated } from "../render/createdSession.js";

function describeResumed(conversation: NonNullable<RevivedSession["conversation"]>): string {
  const version = conversation.agentVersion === null ? "" : ` (${conversation.agentVersion})`;
  if (conversation.resumed === "own")
    return `${conversation.agent}${version}, its own conversation ${conversation.id ?? ""}`;
  if (conversation.resumed === "fresh") return `${conversation.agent}${version}, a new conversation`;
  return `${conversation.agent}${version}, the latest conversation in the folder`;
}

// moor revive: the session as `moor new` recorded it, back after a reboot or a killed tmux server.
export function reviveCommand(runtime: RuntimeHolder): Command {
  return new Command("revive")
    .description(
      "recreate a session that vanished (remote reboot, tmux server killed) from what moor new recorded, and restart its command",
    )
    .argument("<target>", "HOST:SESSION")
    .option(
      "--fresh",
      "start the agent's conversation anew: the recorded command as it was (with a new conversation id where the agent takes one)",
    )
    .option("--json", "print the revived session as JSON")
    .addHelpText(
      "after",
      `
A known agent resumes its OWN conversation, the one moor new recorded for this session: claude --resume ID,
codex resume ID, opencode --session ID, gemini --resume ID (each agent's "resume" in agents.json). Claude Code and
Gemini CLI are given their id at launch; Codex's and opencode's are learned from their own session records on
the remote at the first revive. When the id cannot be known, the agent's "continue latest" option is used and
moor says so on stderr (and in --json, conversation.resumed "latest"). --fresh starts it anew.`,
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
      const target = parseTarget(targetText, { session: "required", window: "none", command: "revive" });
      const { ctx, io } = runtime.get(command);
      const revived = await reviveSession(ctx, target, { fresh: options.fresh === true });
      const { conversation } = revived;
      if (conversation?.resumed === "latest")
        io.warn(
          `${revived.target}: resumed ${conversation.agent}'s latest conversation in its folder, which may be another session's: ${conversation.why ?? "its own is not known"}`,
        );
      if (options.json) return io.json(revived);
      renderCreated(io, "revived", revived);
      if (conversation !== null) io.print(`  resumed  ${describeResumed(conversation)}`);
    });
}
