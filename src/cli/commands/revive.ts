import { Command } from "commander";
import { reviveSession, type RevivedSession } from "../../core/sessions/reviveSession.js";
import { parseTarget } from "../../core/target.js";
import { reviveAllGone } from "../../core/sessions/reviveAll.js";
import { MoorError } from "../../errors.js";
import type { CliIo } from "../io.js";
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
    .argument("<target>", "HOST:SESSION, or HOST with --all")
    .option("--all", "revive every gone session of HOST (recorded by moor new, no longer in tmux), in parallel")
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
        "moor revive gpu1 --all",
        "moor ls gpu1 && moor revive gpu1:fix-tests && moor attach gpu1:fix-tests",
      ]),
    )
    .action(async (targetText: string, options: ReviveOptions, command: Command) => {
      if (options.all === true) return await reviveAll(runtime, command, targetText, options);
      const target = parseTarget(targetText, { session: "required", window: "none", command: "revive" });
      const { ctx, io } = runtime.get(command);
      const revived = await reviveSession(ctx, target, { fresh: options.fresh === true });
      warnLatest(io, revived);
      if (options.json) return io.json(revived);
      renderCreated(io, "revived", revived);
      if (revived.conversation !== null) io.print(`  resumed  ${describeResumed(revived.conversation)}`);
    });
}

interface ReviveOptions {
  json?: boolean;
  fresh?: boolean;
  all?: boolean;
}

// Never silently on another session's task: a fallback to the agent's latest conversation is said on stderr.
function warnLatest(io: CliIo, revived: RevivedSession): void {
  const { conversation } = revived;
  if (conversation?.resumed !== "latest") return;
  io.warn(
    `${revived.target}: resumed ${conversation.agent}'s latest conversation in its folder, which may be another session's: ${conversation.why ?? "its own is not known"}`,
  );
}

// moor revive HOST --all: one line per gone session, revived in parallel; any failure makes the exit code its own.
async function reviveAll(runtime: RuntimeHolder, command: Command, targetText: string, options: ReviveOptions) {
  const target = parseTarget(targetText, {
    session: "none",
    window: "none",
    command: "revive --all",
    hint: ({ host }) => `write "moor revive ${host} --all", or "moor revive ${targetText}" for one session`,
  });
  const { ctx, io } = runtime.get(command);
  const outcomes = await reviveAllGone(ctx, target.host, { fresh: options.fresh === true });
  for (const outcome of outcomes) if ("revived" in outcome) warnLatest(io, outcome.revived);
  if (options.json) io.json({ host: target.host, sessions: outcomes });
  else if (outcomes.length === 0) io.print(`no gone sessions on ${target.host}`);
  else
    for (const outcome of outcomes)
      io.print(
        "revived" in outcome
          ? `revived ${outcome.revived.target}${outcome.revived.conversation === null ? "" : `: ${describeResumed(outcome.revived.conversation)}`}`
          : `failed  ${target.host}:${outcome.session}: ${outcome.error}`,
      );
  const failed = outcomes.filter((outcome) => "error" in outcome);
  const [first] = failed;
  if (first !== undefined && "error" in first)
    throw new MoorError(
      `${String(failed.length)} of ${String(outcomes.length)} gone sessions on ${target.host} could not be revived`,
      first.exitCode as MoorError["exitCode"],
      { hint: "each one's reason is on its line above" },
    );
}
