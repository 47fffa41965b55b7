import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PaneObservation } from "../../../src/state/index.js";

// One captured screen: test/fixtures/screens/<agent>@<version>/<state>[-<variant>].txt, with an optional
// <same name>.json beside it giving the pane's list-panes fields ({"command", "startCommand", "title", "cursorY"}).
export interface ScreenFixture {
  agent: string;
  version: string;
  state: string;
  file: string;
  observation: PaneObservation;
}

// What runs in an agent's pane when the fixture does not say: Gemini CLI is node, started as gemini.
const DEFAULT_COMMAND: Record<string, { command: string; startCommand: string }> = {
  gemini: { command: "node", startCommand: "gemini" },
};

export const FIXTURE_NOW = 2_000_000_000;

function fixture(dir: string, folder: string, file: string): ScreenFixture {
  const [agent = "", version = ""] = folder.split("@");
  const state = file.replace(/\.txt$/, "").split("-")[0] ?? "";
  const screen = readFileSync(join(dir, folder, file), "utf8").replace(/\n$/, "").split("\n").map((line) => line.trimEnd());
  const sidecar = join(dir, folder, file.replace(/\.txt$/, ".json"));
  const fields = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, "utf8")) as Partial<PaneObservation>) : {};
  const defaults = DEFAULT_COMMAND[agent] ?? { command: agent, startCommand: agent };
  return {
    agent,
    version,
    state,
    file: join(folder, file),
    // Quiet for long: a state that came from activity alone would be "idle", so each must come from a rule.
    observation: { ...defaults, title: "", dead: false, deadStatus: undefined, deadSignal: undefined, activity: FIXTURE_NOW - 3_600, screen, ...fields },
  };
}

// Every screen fixture under the given folders (a folder that does not exist yet has none).
export function screenFixtures(...dirs: string[]): ScreenFixture[] {
  return dirs.flatMap((dir) => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((folder) => folder.includes("@")).sort().flatMap((folder) =>
      readdirSync(join(dir, folder)).filter((file) => file.endsWith(".txt")).sort().map((file) => fixture(dir, folder, file)),
    );
  });
}
