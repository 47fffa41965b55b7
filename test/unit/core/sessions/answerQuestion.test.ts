import { sleepingClock } from "../../fakes/fakeClock.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerWith, type AnswerRequest } from "../../../../src/core/sessions/answerQuestion.js";
import { ExitCode } from "../../../../src/errors.js";
import { agentRules, questionOf } from "../../../../src/state/index.js";
import { FakeTmux } from "../overview/fakeTmux.js";

const SCREENS = join(import.meta.dirname, "../../../fixtures/screens");
const screen = (file: string): string => readFileSync(join(SCREENS, file), "utf8");
const ASKING = screen("claude@2.1.332/asking.txt");
const WAITING = screen("claude@2.1.332/waiting-after-tool.txt");

// A claude pane showing SHOWN; typing keys shows AFTER (the dialog closes, or not).
function claudePane(shown: string, after: string = WAITING, command = "claude") {
  const tmux = new FakeTmux();
  tmux.panes = [{ session: "s", paneId: "%1", activity: 0, command, start: `"${command}"` }];
  tmux.screens.set("%1", shown);
  const typed: string[][] = [];
  const run = async (argv: readonly string[]): Promise<string> => {
    if (argv.includes("send-keys")) {
      typed.push(argv.slice(argv.indexOf("send-keys") + 3));
      tmux.screens.set("%1", after);
      return "";
    }
    return tmux.run(argv);
  };
  const time = sleepingClock();
  const answer = (request: Partial<AnswerRequest>) =>
    answerWith({ run, rules: agentRules(), time }, { target: { host: "b", session: "s" }, choice: 1, ...request });
  return { answer, typed };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("answerWith", () => {
  it("types the option's keys and returns once the question has left the screen", async () => {
    const pane = claudePane(ASKING);
    const result = await pane.answer({ choice: "yes" });
    expect(pane.typed).toEqual([["1"]]);
    expect(result).toMatchObject({ target: "b:s", agent: "claude", option: { number: 1, label: "Yes" }, keys: ["1"] });
    expect(result.question.text).toBe("Do you want to proceed?");
  });

  it("checks --question against the question on screen, and types nothing when it changed", async () => {
    const id = questionOf(agentRules(), "claude", ASKING.split("\n"))?.id;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    await expect(claudePane(ASKING).answer({ questionId: id, choice: 3 })).resolves.toMatchObject({ keys: ["3"] });
    const stale = claudePane(ASKING);
    const error = await rejection(stale.answer({ questionId: "000000000000" }));
    expect(error).toMatchObject({
      exitCode: ExitCode.remote,
      message: expect.stringMatching(/changed; nothing typed/) as unknown,
    });
    expect(stale.typed).toEqual([]);
  });

  it("refuses when nothing is asked, and for a program it cannot answer (exit 6, nothing typed)", async () => {
    const waiting = claudePane(WAITING);
    expect(await rejection(waiting.answer({}))).toMatchObject({
      exitCode: ExitCode.remote,
      message: expect.stringMatching(/b:s is not asking \(it is waiting/) as unknown,
    });
    const plain = claudePane("$ make\n", WAITING, "make");
    expect(await rejection(plain.answer({}))).toMatchObject({
      exitCode: ExitCode.remote,
      message: "b:s: moor does not know how to answer this program; attach",
    });
    expect([...waiting.typed, ...plain.typed]).toEqual([]);
  });

  it("refuses an option past the last with exit 2, naming the options, typing nothing", async () => {
    const pane = claudePane(ASKING);
    const error = await rejection(pane.answer({ choice: 4 }));
    expect(error).toMatchObject({
      exitCode: ExitCode.usage,
      message: expect.stringMatching(/1 "Yes", 2 .*, 3 "No"/) as unknown,
    });
    expect(pane.typed).toEqual([]);
  });

  it("says still open (exit 6) when the dialog stays", async () => {
    const pane = claudePane(ASKING, ASKING);
    expect(await rejection(pane.answer({ choice: "esc" }))).toMatchObject({
      exitCode: ExitCode.remote,
      message: "b:s: typed Escape, but the question is still open",
    });
  });
});
