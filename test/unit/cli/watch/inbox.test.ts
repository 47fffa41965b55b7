import { describe, expect, it } from "vitest";
import type { HostWatch } from "../../../../src/core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { runWatchView, type WatchViewDeps } from "../../../../src/cli/watch/watchView.js";
import type { Choice, Question } from "../../../../src/state/question.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { tracked } from "../../fakes/trackedState.js";
import { FakeTerminal } from "./fakeTerminal.js";
import { host, NOW, plain, session, timeOfDay } from "./snapshots.js";

const QUESTION: Question = {
  id: "q-3f9a",
  text: "Allow edit to src/app.ts?",
  options: [
    { number: 1, label: "Yes" },
    { number: 2, label: "Yes, and don't ask again" },
    { number: 3, label: "No" },
  ],
  selected: 1,
};

// gpu1 has an agent working and one asking; lab (listed first by the engine) has one waiting.
function inbox(): WatchSnapshot {
  return {
    at: NOW,
    hosts: [
      host("lab", { sessions: [session("docs", "Done.", { state: tracked("waiting", { agent: "codex" }) })] }),
      host("gpu1", {
        sessions: [
          session("build", "compiling"),
          session("fix-tests", "Allow edit?", { state: tracked("asking", { agent: "claude", reason: "Allow edit?" }) }),
        ],
      }),
    ],
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function setup(snapshot = inbox(), overrides: Partial<WatchViewDeps> = {}) {
  const terminal = new FakeTerminal(90, 14);
  const clock = new FakeClock();
  clock.time = NOW;
  const answers: { target: string; choice: Choice; questionId: string | undefined }[] = [];
  const replies: { target: string; text: string }[] = [];
  const deps: WatchViewDeps = {
    terminal,
    clock,
    style: plain,
    timeOfDay,
    start: (): HostWatch => ({ snapshot: () => snapshot, retryNow: () => undefined, stop: () => undefined }),
    attach: () => Promise.resolve(undefined),
    questionOf: (watched) => (watched.state.state === "asking" ? QUESTION : undefined),
    answer: (target, choice, questionId) => {
      answers.push({ target, choice, questionId });
      return Promise.resolve(`answered ${String(choice)} on ${target}`);
    },
    reply: (target, text) => {
      replies.push({ target, text });
      return Promise.resolve(`queued q1a2b3 for ${target} (its host is dark): typed once it is back and waiting`);
    },
    ...overrides,
  };
  const view = runWatchView(deps);
  return { terminal, answers, replies, view };
}

describe("watch as an inbox", () => {
  it("puts the sessions that need you first: asking, then waiting, hosts with them first", () => {
    const { terminal, view } = setup();
    const rows = terminal.screen().map((row) => row.trimEnd());
    expect(rows.slice(1, 6)).toEqual([
      "gpu1  up",
      expect.stringMatching(/^ {2}› fix-tests +asking/),
      expect.stringMatching(/^ {4}build +working/),
      "lab  up",
      expect.stringMatching(/^ {2}● docs +waiting/),
    ]);
    view.quit();
  });

  it("shows the selected asking session's question and options below the list", () => {
    const { terminal, view } = setup();
    const rows = terminal.screen().map((row) => row.trimEnd());
    const at = rows.findIndex((row) => row.startsWith("── gpu1:fix-tests asks"));
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 5)).toEqual([
      "Allow edit to src/app.ts?",
      "  1. Yes",
      "  2. Yes, and don't ask again",
      "  3. No",
    ]);
    terminal.type("j");
    expect(terminal.screen().some((row) => row.includes(" asks ("))).toBe(false);
    view.quit();
  });

  it("1–9, y, n and Esc answer it with the question's id, and the status line says what was done", async () => {
    const { terminal, answers, view } = setup();
    terminal.type("2");
    expect(terminal.screen().at(-1)).toBe("answering 2 on gpu1:fix-tests…");
    await settle();
    expect(terminal.screen().at(-1)).toBe("answered 2 on gpu1:fix-tests");
    terminal.type("y");
    terminal.type("n");
    terminal.type("\x1b");
    await settle();
    expect(answers).toEqual([
      { target: "gpu1:fix-tests", choice: 2, questionId: "q-3f9a" },
      { target: "gpu1:fix-tests", choice: "yes", questionId: "q-3f9a" },
      { target: "gpu1:fix-tests", choice: "no", questionId: "q-3f9a" },
      { target: "gpu1:fix-tests", choice: "esc", questionId: "q-3f9a" },
    ]);
    view.quit();
  });

  it("an answer key on a session that is not asking types nothing and says so; Esc only closes peek", async () => {
    const { terminal, answers, view } = setup();
    terminal.type("j");
    terminal.type("1");
    expect(terminal.screen().at(-1)).toBe("gpu1:build is not asking: nothing to answer");
    terminal.type("k");
    terminal.type("p");
    terminal.type("\x1b");
    await settle();
    expect(answers).toEqual([]);
    view.quit();
  });

  it("a failed answer shows its one-line error", async () => {
    const { terminal, view } = setup(inbox(), {
      answer: () => Promise.reject(new Error("gpu1:fix-tests: the question on screen is q-77, not q-3f9a: it changed")),
    });
    terminal.type("1");
    await settle();
    expect(terminal.screen().at(-1)).toBe("gpu1:fix-tests: the question on screen is q-77, not q-3f9a: it changed");
    view.quit();
  });

  it("r opens a one-line reply: typed, edited, sent with Enter; the status line says it was queued", async () => {
    const { terminal, replies, view } = setup();
    terminal.type("r");
    terminal.type("then run the linterz");
    terminal.type("\x7f");
    // keys that mean something elsewhere (q, j, 1) are text while the reply is open
    terminal.type(" q j 1");
    expect(terminal.screen().at(-1)).toBe("reply to gpu1:fix-tests (⏎ send, Esc cancel): then run the linter q j 1▏");
    terminal.type("\r");
    await settle();
    expect(replies).toEqual([{ target: "gpu1:fix-tests", text: "then run the linter q j 1" }]);
    expect(terminal.screen().at(-1)).toBe(
      "queued q1a2b3 for gpu1:fix-tests (its host is dark): typed once it is back and waiting",
    );
    terminal.type("r");
    terminal.type("never mind");
    terminal.type("\x1b");
    expect(terminal.screen().at(-1)).toBe("reply cancelled");
    expect(replies).toHaveLength(1);
    view.quit();
  });
});
