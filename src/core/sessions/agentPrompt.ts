import { randomBytes } from "node:crypto";
import { decidePaneState, recognizeAgent, type AgentRules, type Decision } from "../../state/index.js";
import { paneIdentityArgv, parsePaneIdentity } from "../../tmux/paneIdentity.js";
import { pasteArgv } from "../../tmux/send.js";
import { paneTarget } from "../../tmux/target.js";
import { remoteError } from "../../errors.js";
import type { RemoteTmux } from "../remoteTmux.js";
import { paneObservation } from "./agentSubmit.js";
import type { Clock } from "../../clock.js";
import type { Readiness } from "./promptDelivery.js";
import { submitAfterEcho } from "./submitPaste.js";

/** How long a known agent gets to reach its input prompt, and how long a state must hold to count. */
const AGENT_PROMPT_TIMING = { timeoutMs: 120_000, holdMs: 1_000, pollMs: 250 };

// A known agent's --prompt: delivered once its rules say waiting (held for holdMs), never into a dialog: asking
// (held) is exit 6 with the question, and the session is kept. undefined when the pane runs no agent moor knows
// (the caller then waits for quiet output instead).
export async function deliverAgentPrompt(
  tmux: RemoteTmux,
  session: string,
  target: string,
  prompt: string,
  rules: AgentRules,
  time: Clock,
  timing = AGENT_PROMPT_TIMING,
  agentHint?: string,
): Promise<Readiness | undefined> {
  const pane = paneTarget(session);
  const start = time.now();
  let held: { state: string; since: number } | undefined;
  for (;;) {
    const identity = parsePaneIdentity(
      await tmux.run(paneIdentityArgv(pane), { target, action: "waiting for the agent to be ready" }),
    );
    const now = time.now();
    const observation = {
      ...paneObservation(identity, Math.floor(now / 1000)),
      ...(agentHint === undefined ? {} : { agentHint }),
    };
    // A pane that died is deliverPrompt's to report: it waits the moment tmux may need to reap for the exit status.
    if (observation.dead) return undefined;
    if (recognizeAgent(observation, rules) === undefined) return undefined;
    const decision = decidePaneState(observation, rules, { now: Math.floor(now / 1000) });
    if (held?.state !== decision.state) held = { state: decision.state, since: now };
    const steady = now - held.since >= timing.holdMs;
    if (steady && decision.state === "asking") throw askingError(target, decision);
    if ((steady && decision.state === "waiting") || now - start >= timing.timeoutMs) {
      if (decision.state === "asking") throw askingError(target, decision);
      const buffer = `moor-prompt-${randomBytes(6).toString("hex")}`;
      await tmux.run(pasteArgv(pane, buffer), { target, action: "delivering the prompt", stdin: prompt });
      const agent = rules.agents.find((candidate) => candidate.name === decision.agent);
      await submitAfterEcho(
        tmux,
        { pane, label: target },
        identity.screen,
        agent?.submit ?? { settleMs: 0, maxWaitMs: 0 },
        time,
        [],
      );
      return { state: decision.state === "waiting" ? "quiet" : "timeout", waitedMs: time.now() - start };
    }
    await time.sleep(timing.pollMs);
  }
}

function askingError(target: string, decision: Decision): Error {
  const question = (decision.evidence.matched ?? decision.evidence.lines.at(-1) ?? "").trim();
  return remoteError(
    `${target} was created, but ${decision.agent ?? "the agent"} is asking before it can take the prompt: "${question}"`,
    {
      hint: `answer it with "moor attach ${target}" (or moor send --key), then send the prompt with "moor send ${target}"; the session is kept`,
    },
  );
}
