import { Command } from "commander";
import { testHost, type HostTestReport } from "../../../core/hosts/testHost.js";
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
    `tmux      ${report.tmux ?? "missing"}`,
    `connect   ${report.connectMs} ms`,
    `rtt       ${report.rttMs} ms (one remote command)`,
  ].join("\n");
}
