import type { Clock } from "../../../../src/clock.js";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { newSession, planNewSession } from "../../../../src/core/sessions/newSession.js";
import { sleepingClock } from "../../fakes/fakeClock.js";
import { agentRules } from "../../../../src/state/index.js";
import { fakeHost, NO_SERVER, NO_SESSION, type Answer } from "./fakeHost.js";

const agent = { host: "b", session: "agent" };
const ID = "0b6d1a4e-4f6c-4c59-9d7c-2f1f4b5c6d7e";
const plan = planNewSession(
  { session: "agent", command: ["claude"], windows: [], log: true },
  agentRules(),
  new Date(0),
  () => ID,
);
// Time that passes only while the code under test sleeps.
const instant = (): Clock => sleepingClock();

const isCreate = (command: string) => command.startsWith("sh -c ");

describe("newSession", () => {
  it("checks, then creates and records in one command, the spec on its stdin", async () => {
    const { ctx, session } = fakeHost((command) => (command.startsWith("tmux -u has-session") ? NO_SERVER : {}));
    const created = await newSession(ctx, agent, plan);
    expect(created).toMatchObject({
      target: "b:agent",
      command: ["claude"],
      log: ".local/state/moor/agent/output.log",
      prompt: null,
    });
    expect(session.commands.filter((command) => command !== "tmux -V")).toEqual([
      "tmux -u has-session -t '=agent'",
      expect.stringMatching(
        new RegExp(`^sh -c .* tmux -u new-session -d -s agent .*claude --session-id ${ID}`, "s"),
      ) as string,
      expect.stringMatching(/^sh -c .*agent-version.* \.local\/state\/moor\/agent claude --version$/s) as string,
    ]);
    const spec = session.stdins[session.commands.findIndex(isCreate)];
    expect(JSON.parse(String(spec))).toEqual(plan.spec);
    expect(plan.spec).toMatchObject({ command: ["claude"], conversation: { agent: "claude", id: ID } });
  });

  it("refuses a session that exists (exit 2) without creating anything", async () => {
    const { ctx, session } = fakeHost(() => ({}));
    await expect(newSession(ctx, agent, plan)).rejects.toMatchObject({
      exitCode: ExitCode.usage,
      message: expect.stringMatching(/b:agent already exists/) as string,
    });
    expect(session.commands.some(isCreate)).toBe(false);
  });

  it("turns tmux's duplicate session (a race) into exit 2 and a missing --cwd into exit 2", async () => {
    const answers: Record<string, Answer> = {
      duplicate: (command) => (isCreate(command) ? { code: 1, stderr: "duplicate session: agent\n" } : NO_SESSION),
      cwd: (command) => (isCreate(command) ? { code: 45, stderr: "no such directory: x\n" } : NO_SESSION),
    };
    for (const answer of Object.values(answers)) {
      await expect(newSession(fakeHost(answer).ctx, agent, plan)).rejects.toMatchObject({ exitCode: ExitCode.usage });
    }
  });

  it("says tmux is missing (exit 6) when the remote shell cannot find it", async () => {
    const { ctx } = fakeHost(() => ({ code: 127, stderr: "bash: line 1: tmux: command not found\n" }));
    const missing = fakeHost(() => ({}));
    missing.session.exec = (command) =>
      Promise.resolve({
        stdout: Buffer.alloc(0),
        stderr: Buffer.from(`bash: ${command.split(" ")[0] ?? ""}: command not found\n`),
        code: 127,
      });
    for (const host of [ctx, missing.ctx]) {
      await expect(newSession(host, agent, plan)).rejects.toMatchObject({
        exitCode: ExitCode.remote,
        message: expect.stringMatching(/tmux is not installed on b/) as string,
      });
    }
  });

  it("pastes the prompt from stdin once the pane is quiet, then presses Enter", async () => {
    const { ctx, session } = fakeHost((command) => {
      if (command.startsWith("tmux -u has-session")) return NO_SESSION;
      if (command.includes("display-message")) return { stdout: "0::2,0\n> \n" };
      return {};
    });
    const created = await newSession(ctx, agent, plan, { prompt: 'fix it\'s "bug"\n', time: instant() });
    expect(created.prompt).toEqual({ state: "quiet", waitedMs: 1_500 });
    const paste = session.commands.findIndex((command) => command.startsWith("tmux -u load-buffer"));
    expect(session.commands[paste]).toMatch(
      /^tmux -u load-buffer -b moor-prompt-[0-9a-f]{12} - ';' paste-buffer -p -r -d -b moor-prompt-[0-9a-f]{12} -t '=agent:' ';' send-keys -t '=agent:' Enter$/,
    );
    expect(session.stdins[paste]).toBe('fix it\'s "bug"\n');
  });

  it("fails with exit 6 when the agent exits before the prompt could be delivered", async () => {
    const { ctx } = fakeHost((command) =>
      command.includes("display-message")
        ? { stdout: "1:3:0,0\n\n" }
        : command.startsWith("tmux -u has")
          ? NO_SESSION
          : {},
    );
    await expect(newSession(ctx, agent, plan, { prompt: "go", time: instant() })).rejects.toMatchObject({
      exitCode: ExitCode.remote,
      message: expect.stringMatching(/exited with status 3 before the prompt/) as string,
    });
  });
});
