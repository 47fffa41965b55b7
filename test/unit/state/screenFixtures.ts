import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PaneObservation } from "../../../src/state/index.js";

// One captured screen: test/fixtures/screens/<agent>@<version>/<name>.txt (the visible screen) with <name>.json beside
// it (its "state", and "pane": what tmux showed: pane_title, pane_current_command, pane_dead, pane_dead_status,
// cursor_y); hand-made screens without a .json are named <state>[-<variant>].txt.
export interface ScreenFixture {
  agent: string;
  version: string;
  state: string;
  file: string;
  observation: PaneObservation;
}

interface Sidecar extends Partial<PaneObservation> {
  state?: string;
  pane?: Partial<Record<"pane_title" | "pane_current_command" | "pane_dead" | "pane_dead_status" | "cursor_y", string>>;
}

// What runs in an agent's pane when the fixture does not say: Gemini CLI is node, started as gemini.
const DEFAULT_COMMAND: Record<string, { command: string; startCommand: string }> = {
  gemini: { command: "node", startCommand: "gemini" },
};

export const FIXTURE_NOW = 2_000_000_000;

const numberOrUndefined = (text: string | undefined): number | undefined =>
  text === undefined || text === "" ? undefined : Number(text);

// The list-panes fields a .json gives directly ({"command", "startCommand", "title", "dead", "deadStatus", "cursorY"}).
function pickObservation(sidecar: Sidecar): Partial<PaneObservation> {
  const keys = ["command", "startCommand", "title", "dead", "deadStatus", "deadSignal", "cursorY"] as const;
  return Object.fromEntries(keys.filter((key) => sidecar[key] !== undefined).map((key) => [key, sidecar[key]]));
}

function fixture(dir: string, folder: string, file: string): ScreenFixture {
  const [agent = "", version = ""] = folder.split("@");
  const screen = readFileSync(join(dir, folder, file), "utf8")
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.trimEnd());
  const sidecarFile = join(dir, folder, file.replace(/\.txt$/, ".json"));
  const sidecar = existsSync(sidecarFile) ? (JSON.parse(readFileSync(sidecarFile, "utf8")) as Sidecar) : {};
  const pane = sidecar.pane ?? {};
  const defaults = DEFAULT_COMMAND[agent] ?? { command: agent, startCommand: agent };
  return {
    agent,
    version,
    state: sidecar.state ?? file.replace(/\.txt$/, "").split("-")[0] ?? "",
    file: join(folder, file),
    observation: {
      ...defaults,
      ...(pane.pane_current_command === undefined ? {} : { command: pane.pane_current_command }),
      title: pane.pane_title ?? "",
      dead: pane.pane_dead === "1",
      deadStatus: numberOrUndefined(pane.pane_dead_status),
      deadSignal: undefined,
      cursorY: numberOrUndefined(pane.cursor_y),
      // Quiet for long: a state that came from activity alone would be "idle", so each must come from a rule.
      activity: FIXTURE_NOW - 3_600,
      ...pickObservation(sidecar),
      screen,
    },
  };
}

// Every screen fixture under the given folders (a folder that does not exist yet has none).
export function screenFixtures(...dirs: string[]): ScreenFixture[] {
  return dirs.flatMap((dir) => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((folder) => folder.includes("@"))
      .sort()
      .flatMap((folder) =>
        readdirSync(join(dir, folder))
          .filter((file) => file.endsWith(".txt"))
          .sort()
          .map((file) => fixture(dir, folder, file)),
      );
  });
}
