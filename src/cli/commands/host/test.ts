import { Command } from "commander";
import { testHost, type HostTestReport } from "../../../core/hosts/testHost.js";
import { TESTED_TMUX } from "../../../tmux/tested.js";
import { examples } from "../../render/examples.js";
import type { RuntimeHolder } from "../../runtime.js";

// moor host test: each step of reaching a host, with tmux's version and the round-trip time.
export function hostTestCommand(runtime: RuntimeHolder): Command {
  return new Command("test")
    .description("connect, verify the host key, authenticate, report tmux version and round-trip time")
    .argument("<name>")
    .option("--json", "print JSON")
    .addHelpText("after", examples(["moor host test gpu1", "moor host test gpu1 --json"]))
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const report = await testHost(ctx, name);
      if (options.json) return io.json(report);
      io.print(formatReport(report));
    });
}

function formatReport(report: HostTestReport): string {
  return [
    `host      ${report.host} (${report.destination})`,
    `host key  ${report.hostKey.status === "recorded" ? "recorded now" : "verified"} ${report.hostKey.fingerprint}`,
    `auth      ${report.auth}`,
    `tmux      ${tmuxLine(report)}`,
    `connect   ${report.connectMs} ms`,
    `rtt       ${report.rttMs} ms (one remote command)`,
  ].join("\n");
}

// "tmux 3.5a (tested)", or which releases are, so a user on another one knows moor was not run against it.
function tmuxLine(report: HostTestReport): string {
  if (report.tmux === null) return "missing";
  return report.tmuxTested
    ? `${report.tmux} (tested)`
    : `${report.tmux} (not tested: moor is tested against tmux ${TESTED_TMUX.join(", ")})`;
}
