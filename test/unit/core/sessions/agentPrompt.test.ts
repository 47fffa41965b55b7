import type { Clock } from "../../../../src/clock.js";
import { describe, expect, it } from "vitest";
import { deliverAgentPrompt } from "../../../../src/core/sessions/agentPrompt.js";
import { sleepingClock } from "../../fakes/fakeClock.js";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { agentRules } from "../../../../src/state/index.js";
import { fakeHost } from "./fakeHost.js";

const fakeTime = (): Clock => sleepingClock();

const TRUST = [
  "Accessing workspace:",
  " /tmp/elsewhere",
  " Quick safety check: Is this a project you created or one you trust? (Like your",
  " ❯ No, exit",
  "   Yes, I trust this folder",
  " Enter to confirm · Esc to cancel",
].join("\n");
const PROMPT = ["────────", "❯ ", "────────", "  ⏸ manual mode on · ? for shortcuts"].join("\n");

function claudeShowing(screen: () => string): ReturnType<typeof fakeHost> {
  return fakeHost((command) =>
    command.includes("display-message") ? { stdout: `0\t\t1\tclaude\t✳ Claude Code\texec claude\n${screen()}\n` } : {},
  );
}

describe("deliverAgentPrompt", () => {
  it("never pastes into a trust dialog: exit 6 with the question, nothing typed", async () => {
    const { tmux, session } = claudeShowing(() => TRUST);
    const error = await deliverAgentPrompt(tmux, "s", "b:s", "fix it", agentRules(), fakeTime()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).exitCode).toBe(ExitCode.remote);
    expect((error as Error).message).toContain("Is this a project you created or one you trust?");
    expect(session.commands.some((command) => command.includes("paste-buffer"))).toBe(false);
  });

  it("pastes once the agent is waiting at its prompt, then presses Enter", async () => {
    const { tmux, session } = claudeShowing(() => PROMPT);
    const readiness = await deliverAgentPrompt(tmux, "s", "b:s", "fix it", agentRules(), fakeTime());
    expect(readiness?.state).toBe("quiet");
    expect(session.commands.some((command) => command.includes("paste-buffer"))).toBe(true);
    expect(session.commands.at(-1)).toMatch(/send-keys -t '?=s:'? Enter$/);
  });

  it("leaves a program moor does not know to the quiet-output wait", async () => {
    const { tmux } = fakeHost((command) =>
      command.includes("display-message") ? { stdout: "0\t\t0\tpython3\tbox\tpython3\n>>> \n" } : {},
    );
    expect(await deliverAgentPrompt(tmux, "s", "b:s", "x", agentRules(), fakeTime())).toBeUndefined();
  });

  it("leaves a pane that died to the quiet-output wait, which waits for its exit status", async () => {
    // tmux has marked the pane dead but not reaped the child yet: no status in the dead-status field
    const { tmux, session } = fakeHost((command) =>
      command.includes("display-message") ? { stdout: "1\t\t1\tclaude\t✳ Claude Code\texec claude\n\n" } : {},
    );
    expect(await deliverAgentPrompt(tmux, "s", "b:s", "x", agentRules(), fakeTime())).toBeUndefined();
    expect(session.commands.some((command) => command.includes("paste-buffer"))).toBe(false);
  });
});
