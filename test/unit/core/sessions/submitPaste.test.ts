import { describe, expect, it } from "vitest";
import { sleepingClock } from "../../fakes/fakeClock.js";
import { planSend, sendText } from "../../../../src/core/sessions/sendText.js";
import { waitForEcho } from "../../../../src/core/sessions/submitPaste.js";
import { compileRules } from "../../../../src/state/index.js";
import { fakeHost } from "./fakeHost.js";

const fakeTime = sleepingClock;

const RULE = { settleMs: 300, maxWaitMs: 3000 };

describe("waitForEcho", () => {
  it("is done once the screen changed and then stayed still for settleMs", async () => {
    const time = fakeTime();
    const screens = ["> ", "> ", "> hel", "> hello", "> hello"];
    const look = (): Promise<string> =>
      Promise.resolve(screens[Math.min(screens.length - 1, time.now() / 100 - 1)] ?? "");
    expect(await waitForEcho(look, "> ", RULE, time)).toEqual({ echoed: true, waitedMs: 700 });
  });

  it("gives up after maxWaitMs when the screen never shows the text", async () => {
    const time = fakeTime();
    expect(await waitForEcho(() => Promise.resolve("> "), "> ", RULE, time)).toEqual({ echoed: false, waitedMs: 3000 });
  });
});

// An agent with a submit rule and no input-box rule (as a user's agents.json may define one).
const RULES = compileRules({
  version: 1,
  agents: [{ name: "gem", match: { commands: ["gem"] }, submit: RULE }],
});

describe("sendText into an agent with a submit rule only", () => {
  const target = { host: "b", session: "gem" };

  it("pastes, waits for the echo, then presses Enter in a separate call", async () => {
    let pasted = false;
    const { ctx, session } = fakeHost((command) => {
      if (command.includes("display-message")) return { stdout: "0\t\t5\tgem\tReady\tgem\n> \n" };
      if (command.includes("paste-buffer")) return ((pasted = true), {});
      if (command.includes("capture-pane")) return { stdout: pasted ? "> it's done\n" : "> \n" };
      return {};
    });
    const plan = planSend({ target, text: Buffer.from("it's done"), enter: true, keys: [] }, () => "moor-1");
    await sendText(ctx, plan, { rules: RULES, time: fakeTime() });
    const tmux = session.commands
      .filter((command) => command.startsWith("tmux"))
      .map((command) => command.replaceAll("'", ""));
    expect(tmux[0]).toMatch(/^tmux -u send-keys -t =gem: ; load-buffer -b moor-1 - ; if-shell -F -t =gem: /);
    expect(tmux[1]).toBe("tmux -u paste-buffer -p -r -d -b moor-1 -t =gem:");
    expect(tmux.at(-1)).toBe("tmux -u send-keys -t =gem: Enter");
    expect(tmux.slice(2, -1).every((command) => command.includes("capture-pane"))).toBe(true);
  });

  it("sends as one invocation into a program that is no agent: tmux pastes and presses Enter, printing nothing", async () => {
    const { ctx, session } = fakeHost(() => ({}));
    const plan = planSend({ target, text: Buffer.from("ls"), enter: true, keys: [] }, () => "moor-1");
    await sendText(ctx, plan, { rules: RULES, time: fakeTime() });
    const tmux = session.commands
      .filter((command) => command.startsWith("tmux"))
      .map((command) => command.replaceAll("'", ""));
    expect(tmux).toHaveLength(1);
    expect(tmux[0]).toContain("load-buffer -b moor-1 -");
    expect(tmux[0]).toMatch(/paste-buffer -p -r -d -b moor-1 -t =gem: ; send-keys -t =gem: Enter$/);
  });

  it("pastes the loaded text and presses Enter when the program the pane runs is no agent after all", async () => {
    const { ctx, session } = fakeHost((command) =>
      command.includes("if-shell") ? { stdout: "0\t\t0\tnode\tbox\tnode\n> \n" } : {},
    );
    const plan = planSend({ target, text: Buffer.from("1+1"), enter: true, keys: [] }, () => "moor-1");
    await sendText(ctx, plan, { rules: RULES, time: fakeTime() });
    const tmux = session.commands
      .filter((command) => command.startsWith("tmux"))
      .map((command) => command.replaceAll("'", ""));
    expect(tmux).toEqual([
      expect.stringContaining("if-shell"),
      "tmux -u paste-buffer -p -r -d -b moor-1 -t =gem: ; send-keys -t =gem: Enter",
    ]);
  });
});
