import { Command } from "commander";
import { resolveTargets, uniqueHosts } from "../../core/overview/hostNames.js";
import { parseTarget } from "../../core/target.js";
import { listHosts } from "../../core/overview/listHosts.js";
import { formatLsTable, lsJson } from "../overview/lsTable.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { parseStates } from "../overview/stateFilter.js";
import type { SessionState } from "../../state/index.js";

const JSON_HELP = `
States: asking (a question blocks the agent), waiting (at its input prompt), working, idle (a program moor does
  not know, quiet for a while), exited (with its code), shell (at a shell prompt). See moor status TARGET for why.

JSON (--json): {"hosts":[{"host","state":"ok"|"unreachable"|"error","error"?,"exitCode"?,
  "sessions":[{"name","status":"asking"|"waiting"|"working"|"idle"|"exited"|"gone"|"shell","exitCode"?,"exitSignal"?,
  "agent":string|null,"since","reason","stale":false,"command","attached","clients","created","activity",
  "windows":[{"index","name","panes":[{"id","index","command","status",...}]}]}]}]}
  Times are ISO 8601. A session's state is its agent's pane (else the first pane of the first window).

Exit status: 0 once the listing is printed, even when hosts failed: a host that could not be reached
  is a row saying so (its "exitCode" in --json: 3 unreachable, 4 authentication, 6 tmux missing);
  5 for an unknown HOST and 2 for bad input, before anything is contacted.
`;

// moor ls: every session on every host (queried in parallel); a host that fails is a row, not a failure.
export function lsCommand(runtime: RuntimeHolder): Command {
  return new Command("ls")
    .description("list every session on every host (or on the HOSTs given): windows, pane commands, status, activity")
    .argument("[host...]", "registered hosts or ~/.ssh/config aliases (default: every registered host)")
    .option(
      "--state <states>",
      "only sessions in these states, comma-separated (asking,waiting,working,idle,exited,shell)",
      parseStates,
    )
    .option("--json", "print JSON (shape below)")
    .addHelpText(
      "after",
      `${JSON_HELP}${examples(["moor ls", "moor ls gpu1 gpu2", "moor ls --state asking,waiting", "moor ls --json | jq -r '.hosts[].sessions[].name'"])}`,
    )
    .action(async (hosts: string[], options: { json?: boolean; state?: SessionState[] }, command: Command) => {
      const targets = hosts.map((text) => parseTarget(text, { session: "none", window: "none", command: "ls" }));
      const { ctx, io } = runtime.get(command);
      const names = uniqueHosts(resolveTargets(ctx, targets));
      if (names.length === 0 && !options.json)
        return io.info("no hosts yet: add one with moor host add NAME user@hostname");
      const wanted = options.state;
      const listed = await listHosts(ctx, names);
      const filtered =
        wanted === undefined
          ? listed
          : listed.map((overview) => ({
              ...overview,
              sessions: overview.sessions.filter((session) => wanted.includes(session.state.state)),
            }));
      // A table filtered by state leaves out the hosts with nothing to show, but never one that failed.
      const overviews =
        wanted === undefined || options.json
          ? filtered
          : filtered.filter((overview) => overview.state !== "ok" || overview.sessions.length > 0);
      if (options.json) io.json(lsJson(overviews));
      else io.print(formatLsTable(overviews, Math.floor(Date.now() / 1000), io.out));
    });
}
