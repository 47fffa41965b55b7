import { Command, type OutputConfiguration } from "commander";
import { hostCommand } from "./commands/host/index.js";
import { newCommand } from "./commands/new.js";
import { sendCommand } from "./commands/send.js";
import { answerCommand } from "./commands/answer.js";
import { outboxCommand } from "./commands/outbox/index.js";
import { peekCommand } from "./commands/peek.js";
import { lsCommand } from "./commands/ls.js";
import { watchCommand } from "./commands/watch.js";
import { attachCommand } from "./commands/attach.js";
import { logsCommand } from "./commands/logs.js";
import { captureCommand } from "./commands/capture.js";
import { noteCommand } from "./commands/note.js";
import { killCommand } from "./commands/kill.js";
import { reviveCommand } from "./commands/revive.js";
import { configCommand } from "./commands/config/index.js";
import { muteCommand, unmuteCommand } from "./commands/mute.js";
import { notifyCommand } from "./commands/notify.js";
import { daemonCommand } from "./commands/daemon.js";
import { completeCommand, completionCommand } from "./commands/completion.js";
import { statusCommand } from "./commands/status.js";
import { waitCommand } from "./commands/wait.js";
import { examples } from "./render/examples.js";
import { needsRuntime, type RuntimeHolder } from "./runtime.js";
import pkg from "../../package.json" with { type: "json" };

// The command tree: global options here, each verb in its own file under commands/.
export function buildProgram(runtime: RuntimeHolder): Command {
  const program = new Command("moor")
    .description("Keep AI coding agents alive in tmux on remote boxes; start, watch, steer and re-attach from here.")
    .version(pkg.version, "--version", "print moor's version")
    .option("--config-dir <dir>", "where moor keeps its host registry (env MOOR_CONFIG_DIR)")
    .option(
      "--known-hosts <file>",
      "known_hosts file to verify host keys against (env MOOR_KNOWN_HOSTS, default ~/.ssh/known_hosts)",
    )
    .option("-v, --verbose", "show progress and the cause of errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .hook("preAction", async (_program, action) => {
      if (needsRuntime(action)) await runtime.load();
    })
    .configureOutput(commanderOutput(runtime))
    .addHelpText(
      "after",
      examples([
        "moor host add gpu1 me@gpu1.example.com",
        "moor new gpu1:fix-tests --prompt 'make the tests pass' -- claude",
        "moor ls",
        "moor watch",
        "moor attach gpu1:fix-tests",
      ]),
    );
  for (const make of [
    hostCommand,
    newCommand,
    sendCommand,
    answerCommand,
    outboxCommand,
    peekCommand,
    lsCommand,
    watchCommand,
    attachCommand,
    logsCommand,
    captureCommand,
    noteCommand,
    killCommand,
    reviveCommand,
    configCommand,
    muteCommand,
    unmuteCommand,
    notifyCommand,
    daemonCommand,
    statusCommand,
    waitCommand,
  ]) {
    program.addCommand(make(runtime));
  }
  program.addCommand(completionCommand());
  program.addCommand(
    completeCommand(runtime, () => program),
    { hidden: true },
  );
  for (const command of program.commands) inheritExitOverride(command, runtime);
  return program;
}

// Commander's own messages (usage errors, help) go to the run's streams, "moor: " first.
function commanderOutput(runtime: RuntimeHolder): OutputConfiguration {
  const { stdout, stderr } = runtime.host;
  return {
    writeOut: (text) => stdout.write(text),
    writeErr: (text) => stderr.write(text),
    getOutHelpWidth: () => stdout.columns ?? 80,
    getErrHelpWidth: () => (stderr as { columns?: number }).columns ?? 80,
    outputError: (text, write) => write(`moor: ${text.replace(/^error: /, "")}`),
  };
}

function inheritExitOverride(command: Command, runtime: RuntimeHolder): void {
  command.exitOverride().showHelpAfterError("(run with --help for usage)");
  command.configureOutput(commanderOutput(runtime));
  for (const sub of command.commands) inheritExitOverride(sub, runtime);
}
