import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agentRules, decidePaneState } from "../../../src/state/index.js";
import { FIXTURE_NOW, screenFixtures } from "./screenFixtures.js";

const ROOT = join(import.meta.dirname, "../../..");
// Real agents' screens (captured in the agent test box) and hand-made ones for cases not captured yet.
const fixtures = screenFixtures(join(ROOT, "test/fixtures/screens"), join(import.meta.dirname, "screens"));

describe("every captured screen decides its state by its agent's own rule", () => {
  it("has screens of all five agents", () => {
    expect(new Set(fixtures.map((fixture) => fixture.agent))).toEqual(
      new Set(["claude", "codex", "opencode", "gemini", "aider"]),
    );
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))("%s", (_file, fixture) => {
    const decision = decidePaneState(fixture.observation, agentRules(), { now: FIXTURE_NOW });
    expect({ state: decision.state, agent: decision.agent }).toEqual({ state: fixture.state, agent: fixture.agent });
    // An exit is tmux's to tell (the pane is dead); every other state comes from one of the agent's own rules.
    expect(decision.evidence.rule).toMatch(
      fixture.state === "exited" ? /^pane-dead$/ : new RegExp(`^${fixture.agent}\\.`),
    );
  });
});
