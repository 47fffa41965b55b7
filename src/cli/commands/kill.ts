import { Command } from "commander";
import { usageError } from "../../errors.js";
import { killAllSessions, killSession } from "../../core/sessions/killSession.js";
import { formatTarget, parseTarget } from "../../core/target.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

interface KillOptions {
  all?: boolean;
  yes?: boolean;
  json?: boolean;
}

// moor kill: end one session, or every session of a host with --all --yes; the state folder stays for revive.
export function killCommand(runtime: RuntimeHolder): Command {
  return new Command("kill")
    .description("end a session, or all of a host's sessions (its log, spec and notes stay on the remote for revive)")
    .argument("<target>", "HOST:SESSION, or HOST with --all")
    .option("--all", "end every tmux session on HOST (needs --yes)")
    .option("-y, --yes", "do it without asking (required with --all)")
    .option("--json", "print what was ended as JSON")
    .addHelpText("after", examples(["moor kill gpu1:fix-tests", "moor kill gpu1 --all --yes"]))
    .action(async (targetText: string, options: KillOptions, command: Command) => {
      if (options.all) return await killAll(runtime, command, targetText, options);
      const target = parseTarget(targetText, {
        session: "required",
        window: "none",
        command: "kill",
        hint: ({ host, session }, usual) =>
          session === undefined
            ? `write HOST:SESSION, or "moor kill ${host} --all --yes" to end all of its sessions`
            : usual,
      });
      const { ctx, io } = runtime.get(command);
      const outcome = await killSession(ctx, target);
      const label = formatTarget(target);
      if (options.json)
        return io.json({
          host: target.host,
          [outcome]: [target.session],
          killed: outcome === "killed" ? [target.session] : [],
        });
      io.print(
        outcome === "killed"
          ? `killed ${label} (its log, spec and notes stay: moor revive ${label})`
          : `forgot ${label}: it was gone, and no longer shows in moor ls (its log, spec and notes stay)`,
      );
    });
}

async function killAll(
  runtime: RuntimeHolder,
  command: Command,
  targetText: string,
  options: KillOptions,
): Promise<void> {
  const target = parseTarget(targetText, {
    session: "none",
    window: "none",
    command: "kill --all",
    hint: ({ host }) => `write "moor kill ${host} --all --yes", or "moor kill ${targetText}" for one session`,
  });
  if (!options.yes)
    throw usageError(
      `moor kill ${target.host} --all ends every tmux session on ${target.host}: add --yes to confirm`,
      `moor kill ${target.host} --all --yes`,
    );
  const { ctx, io } = runtime.get(command);
  const killed = await killAllSessions(ctx, target.host);
  if (options.json) return io.json({ host: target.host, killed });
  io.print(
    killed.length === 0
      ? `no sessions on ${target.host}`
      : `killed ${String(killed.length)} session${killed.length === 1 ? "" : "s"} on ${target.host}: ${killed.join(", ")}`,
  );
}
