import { Command, InvalidArgumentError } from "commander";
import { resolveTargets } from "../../core/overview/hostNames.js";
import { parseTarget } from "../../core/target.js";
import { startWatch } from "../../core/overview/startWatch.js";
import { DEFAULT_WAIT_STATES, waitForState, type WaitResult } from "../../core/wait/waitForState.js";
import { systemClock } from "../../clock.js";
import type { SessionState } from "../../state/index.js";
import { parseStates } from "../overview/stateFilter.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

const HELP = `
It watches the targets as moor watch does (one reconnecting link per host): while a host is down it keeps waiting.
It prints "TARGET STATE" for the first target seen in a wanted state and exits 0; exit 7 when --timeout passes,
exit 5 when a target's session is not on its host.

JSON (--json): {"target","status","exitCode"?,"agent":string|null,"since","reason","stale"}
`;

// --timeout in seconds, fractions allowed.
function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0)
    throw new InvalidArgumentError(`expected seconds greater than 0, got "${value}"`);
  return seconds;
}

function resultJson(result: WaitResult) {
  const { state } = result;
  return {
    target: result.target,
    status: state.state,
    ...(state.exitCode === undefined ? {} : { exitCode: state.exitCode }),
    agent: state.agent ?? null,
    since: new Date(state.since).toISOString(),
    reason: state.reason,
    stale: result.stale,
  };
}

// moor wait: block until any target is in one of the wanted states (default: it needs its user).
export function waitCommand(runtime: RuntimeHolder): Command {
  return new Command("wait")
    .description(
      "wait until any TARGET is in one of the states (default asking,waiting,exited,shell); exit 7 on timeout",
    )
    .argument("<target...>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .option(
      "--for <states>",
      "states to wait for, comma-separated (asking,waiting,working,idle,exited,shell)",
      parseStates,
    )
    .option("--timeout <seconds>", "give up after this many seconds (exit 7)", parseTimeout)
    .option("--json", "print the state as JSON (shape below)")
    .addHelpText(
      "after",
      `${HELP}${examples(["moor wait gpu1:fix-tests", "moor wait gpu1:fix-tests lab:agent --for asking --timeout 600", "moor wait gpu1:train --for exited --json | jq .exitCode"])}`,
    )
    .action(
      async (
        texts: string[],
        options: { for?: SessionState[]; timeout?: number; json?: boolean },
        command: Command,
      ) => {
        const targets = texts.map((text) =>
          parseTarget(text, { session: "required", window: "allowed", command: "wait" }),
        );
        const { ctx, io } = runtime.get(command);
        resolveTargets(ctx, targets);
        // The clock's timers do not hold the process open: this does, until the wait is over.
        const release = systemClock.hold();
        try {
          const result = await waitForState({
            targets,
            states: options.for ?? DEFAULT_WAIT_STATES,
            clock: systemClock,
            ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout * 1_000 }),
            start: (onChange) => startWatch(ctx, targets, { intervalMs: 1_000, onChange }),
          });
          if (options.json) io.json(resultJson(result));
          else io.print(`${result.target} ${result.state.state}`);
        } finally {
          release();
        }
      },
    );
}
