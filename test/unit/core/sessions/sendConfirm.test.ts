import type { Clock } from "../../../../src/clock.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sleepingClock } from "../../fakes/fakeClock.js";
import { planSend, sendText } from "../../../../src/core/sessions/sendText.js";
import { ExitCode } from "../../../../src/errors.js";
import { agentRules } from "../../../../src/state/index.js";
import { fakeHost } from "./fakeHost.js";

const SCREENS = join(import.meta.dirname, "../../../fixtures/screens/claude@2.1.332");
const screen = (file: string): string => readFileSync(join(SCREENS, `${file}.txt`), "utf8");
const WAITING = screen("waiting-after-tool");
const WORKING = screen("working");
const ASKING = screen("asking");
// Claude's screen at its prompt with TEXT in its input box.
const withBox = (text: string): string => {
  const rows = WAITING.split("\n");
  rows[rows.findLastIndex((row) => /^❯\s*$/.test(row))] = `❯ ${text}`;
  return rows.join("\n");
};

const fakeTime = (): Clock => sleepingClock();
// Stands for a pane whose program ended (dead, status 0) after the key that made it quit.
const EXITED = "(exited)";

// A Claude Code pane that shows FIRST, then what REACT says after each paste and Enter.
function claude(first: string, react: (event: "paste" | "enter", count: number) => string | undefined) {
  let shown = first;
  const counts = { paste: 0, enter: 0 };
  const identity = () =>
    shown === EXITED
      ? { stdout: `1\t0\t20\tclaude\t✳ Claude Code\tclaude\nResume this session with:\nclaude --resume 1234\n` }
      : { stdout: `0\t\t20\tclaude\t✳ Claude Code\tclaude\n${shown}\n` };
  const { ctx, session } = fakeHost((command) => {
    // The first call: a look at the pane, as the program may be an agent (the text is loaded, not pasted).
    if (command.includes("if-shell")) return identity();
    for (const event of ["paste", "enter"] as const) {
      if (!command.includes(event === "paste" ? "paste-buffer" : "send-keys -t '=c:' Enter")) continue;
      counts[event] += 1;
      shown = react(event, counts[event]) ?? shown;
      return {};
    }
    if (command.includes("display-message")) return identity();
    return {};
  });
  const send = (text: string, force = false) =>
    sendText(ctx, planSend({ target: { host: "b", session: "c" }, text: Buffer.from(text), enter: true, keys: [] }), {
      rules: agentRules(),
      force,
      time: fakeTime(),
    });
  const typed = () =>
    session.commands.filter(
      (command) => !command.includes("if-shell") && /paste-buffer|send-keys -t '=c:' Enter/.test(command),
    );
  return { send, counts, typed, commands: () => session.commands };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("sendText into an agent with an input box rule: confirmed, never into a draft or a question", () => {
  it("returns once the agent took the prompt (box shown, Enter, then working), with one Enter", async () => {
    const pane = claude(WAITING, (event) => (event === "paste" ? withBox("fix it") : WORKING));
    await pane.send("fix it");
    expect(pane.counts).toEqual({ paste: 1, enter: 1 });
  });

  it("counts a program that ended after Enter (a /quit) as having taken it", async () => {
    const pane = claude(WAITING, (event) => (event === "paste" ? withBox("/quit") : EXITED));
    await pane.send("/quit");
    expect(pane.counts).toEqual({ paste: 1, enter: 1 });
  });

  it("presses Enter once more when the first was not taken", async () => {
    const pane = claude(WAITING, (event, count) =>
      event === "paste" ? withBox("fix it") : count === 2 ? WAITING : undefined,
    );
    await pane.send("fix it");
    expect(pane.counts).toEqual({ paste: 1, enter: 2 });
  });

  it("is exit 6, typed but not submitted, with the screen, when Enter twice did not submit", async () => {
    const pane = claude(WAITING, () => withBox("fix it"));
    const error = await failure(pane.send("fix it"));
    expect(error).toMatchObject({ exitCode: ExitCode.remote });
    expect((error as Error).message).toMatch(/^b:c: typed but not submitted: .*\n(?:.*\n)*.*❯ fix it/);
    expect(pane.counts).toEqual({ paste: 1, enter: 2 });
  });

  it("does not count a paste the agent never showed as taken until it works", async () => {
    const pane = claude(WAITING, (event) => (event === "enter" ? WORKING : undefined));
    await pane.send("fix it");
    expect(pane.counts).toEqual({ paste: 1, enter: 1 });
  });

  it("refuses a half-written draft (exit 6), typing nothing; --force adds to it", async () => {
    const pane = claude(withBox("half written draft"), () => undefined);
    const error = await failure(pane.send("fix it"));
    expect(error).toMatchObject({
      exitCode: ExitCode.remote,
      message: "b:c: box has a half-written prompt: 'half written draft'; --force to add to it",
    });
    expect(pane.typed()).toEqual([]);
    expect(pane.commands().at(-1)).toMatch(/delete-buffer/);
    const forced = claude(withBox("half written draft"), (event) =>
      event === "paste" ? withBox("half written draft fix it") : WORKING,
    );
    await forced.send("fix it", true);
    expect(forced.counts).toEqual({ paste: 1, enter: 1 });
  });

  it("refuses while the agent asks a question (exit 6), typing nothing", async () => {
    const pane = claude(ASKING, () => undefined);
    const error = await failure(pane.send("fix it"));
    expect(error).toMatchObject({
      exitCode: ExitCode.remote,
      message: "b:c: Claude Code is asking a question; nothing typed",
    });
    expect(pane.typed()).toEqual([]);
  });
});
