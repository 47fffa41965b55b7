import { Command } from "commander";
import { parseTarget } from "../../core/target.js";
import { readSessionOrGone } from "../../core/state/readSessionOrGone.js";
import { formatStatus, statusJson } from "../overview/statusReport.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

const HELP = `
It reads what tmux shows of the session's agent pane (its screen, title, exit status, last output) and says which
rule decided: rules are data, moor's own plus <config-dir>/agents.json (see moor's src/state/rules/README.md).

JSON (--json): {"target","status","exitCode"?,"agent":string|null,"since","reason","stale":false,
  "evidence":{"rule","region","matched":string|null,"lines":[...]},"pane":{"id","command","title","window"},
  "question":{"id","text","options":[{"number","label"}]}|null}
When asking, "question" is the question on screen (null when moor cannot read it, or nothing is asked); its id
changes when the question does: moor answer TARGET CHOICE --question ID answers only that one.
`;

// moor status: one session's state, and the evidence: which rule or signal decided, and the lines it read.
export function statusCommand(runtime: RuntimeHolder): Command {
  return new Command("status")
    .description("one session's state (asking, waiting, working, idle, exited, shell), its agent, since when, and why")
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .option("--json", "print JSON (shape below)")
    .addHelpText(
      "after",
      `${HELP}${examples(["moor status gpu1:fix-tests", "moor status gpu1:fix-tests --json | jq -r .status"])}`,
    )
    .action(async (targetText: string, options: { json?: boolean }, command: Command) => {
      const target = parseTarget(targetText, { session: "required", window: "allowed", command: "status" });
      const { ctx, io } = runtime.get(command);
      const report = await readSessionOrGone(ctx, target);
      if (options.json) io.json(statusJson(report));
      else io.print(formatStatus(report, Date.now(), io.out));
    });
}
