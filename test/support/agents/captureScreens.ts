// Re-captures the real agents' screens committed under test/fixtures/screens/<agent>@<version>/: starts
// the agent box and a fake model, drives every agent (in parallel, one tmux session each) through
// waiting → working → thinking → asking → approved → waiting → exited with plain tmux, and writes each
// state's `capture-pane -p` text and what tmux showed about the pane (test/fixtures/screens/README.md). A version bump is one command:
//   . docker/provision.sh && npm run screens [-- claude codex …]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startAgentBox, type AgentBox } from "../agentBox.js";
import { PROMPTS } from "../fakeModel.js";
import {
  captureScreen,
  paneInfo,
  type PaneInfo,
  pressKeys,
  sleep,
  stableScreen,
  tmuxIn,
  typeLine,
  waitUntil,
} from "./boxPane.js";
import { AGENT_NAMES, DRIVERS, PROJECT_DIR, type AgentDriver, type AgentName } from "./drivers.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/screens/", import.meta.url));
const START_MS = 240_000;
const STEP_MS = 120_000;
const UNTRUSTED_DIR = "/tmp/elsewhere";

// The sidecar test/unit/state/screenFixtures.ts reads: the pane's list-panes fields as a PaneObservation has them,
// then how the screen was reached.
function sidecar(pane: PaneInfo, note: string, tmux: string): string {
  const number = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);
  const dead = pane.pane_dead === "1";
  const status = number(pane.pane_dead_status);
  const fields = {
    command: pane.pane_current_command,
    startCommand: pane.pane_start_command,
    title: pane.pane_title,
    dead,
    cursorY: number(pane.cursor_y),
    ...(dead && status !== null ? { deadStatus: status } : {}),
    note,
    tmux,
    size: `${pane.pane_width}x${pane.pane_height}`,
    cursorX: number(pane.cursor_x),
  };
  return `${JSON.stringify(fields, null, 2)}\n`;
}

// FILE is "<state>[-<variant>]": the state the screen shows comes first.
async function capture(
  bed: AgentBox,
  driver: AgentDriver,
  dir: string,
  file: string,
  note: string,
  session: string = driver.name,
): Promise<void> {
  const target = `=${session}:`;
  const [screen, pane, tmux] = await Promise.all([
    captureScreen(bed.box, target),
    paneInfo(bed.box, target),
    tmuxIn(bed.box, ["-V"]),
  ]);
  writeFileSync(join(dir, `${file}.txt`), screen);
  writeFileSync(join(dir, `${file}.json`), sidecar(pane, note, tmux.trim()));
  log(driver, `captured ${file}`);
}

async function drive(bed: AgentBox, driver: AgentDriver): Promise<void> {
  const dir = join(FIXTURES, `${driver.name}@${driver.version}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const target = `=${driver.name}:`;
  const { box, model } = bed;
  const say = async (words: string): Promise<void> => {
    const text = `${driver.name} ${words}`;
    await typeLine(box, target, text, () => model.received(text), STEP_MS);
  };
  const ready = (timeoutMs = STEP_MS): Promise<string> =>
    stableScreen(box, target, driver.ready, { timeoutMs, stableMs: 3000 });

  await tmuxIn(box, [
    "new-session",
    "-d",
    "-s",
    driver.name,
    "-c",
    PROJECT_DIR,
    "--",
    "bash",
    "-lc",
    `exec ${driver.command.join(" ")}`,
    ";",
    "set-option",
    "-t",
    driver.name,
    "remain-on-exit",
    "on",
  ]);
  await ready(START_MS);
  await capture(bed, driver, dir, "waiting", "at the input prompt after starting");

  await say(`${PROMPTS.stream} please stream for a while`);
  await sleep(3000);
  await capture(bed, driver, dir, "working", "3 s into a 10 s stream of text");
  await ready();

  await say(`${PROMPTS.think} please think without output`);
  await sleep(3000);
  await capture(bed, driver, dir, "working-thinking", "3 s into a 10 s stream with no text");
  await ready();

  await say(`${PROMPTS.tool} please run the command`);
  await stableScreen(box, target, driver.asking, { timeoutMs: STEP_MS });
  await capture(bed, driver, dir, "asking", "its permission question for the fake model's shell command");

  const answered = model.requests.filter((r) => r.toolResult).length;
  await pressKeys(box, target, driver.approve);
  await waitUntil(
    "the tool's result to reach the fake model",
    STEP_MS,
    () => Promise.resolve(model.requests.filter((r) => r.toolResult).length > answered ? true : undefined),
    () => captureScreen(box, target),
  );
  await sleep(1000);
  await capture(
    bed,
    driver,
    dir,
    "working-approved",
    "approved once: the command ran and the model holds its answer for 4 s",
  );
  await ready();
  await capture(
    bed,
    driver,
    dir,
    "waiting-after-tool",
    "at the input prompt after the model answered the tool's result",
  );

  let dead = false;
  const watchDeath = setInterval(
    () =>
      void paneInfo(box, target).then(
        (pane) => (dead = pane.pane_dead === "1"),
        () => undefined,
      ),
    500,
  );
  try {
    await typeLine(box, target, driver.quit, () => dead, STEP_MS);
  } finally {
    clearInterval(watchDeath);
  }
  await capture(bed, driver, dir, "exited", `after ${driver.quit}`);
  await captureTrust(bed, driver, dir);
}

// The screen an agent shows first in a folder it does not trust yet: an asking state at start.
async function captureTrust(bed: AgentBox, driver: AgentDriver, dir: string): Promise<void> {
  if (driver.trust === undefined) return;
  const name = `${driver.name}-trust`;
  await tmuxIn(bed.box, [
    "new-session",
    "-d",
    "-s",
    name,
    "-c",
    UNTRUSTED_DIR,
    "--",
    "bash",
    "-lc",
    `exec ${driver.command.join(" ")}`,
  ]);
  await stableScreen(bed.box, `=${name}:`, driver.trust, { timeoutMs: START_MS });
  await capture(bed, driver, dir, "asking-trust", "first start in a folder it does not trust", name);
  await tmuxIn(bed.box, ["kill-session", "-t", `=${name}`]);
}

function log(driver: AgentDriver, text: string): void {
  process.stderr.write(`screens: ${driver.name}@${driver.version}: ${text}\n`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => arg !== "--") as AgentName[];
  const unknown = wanted.filter((name) => !AGENT_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown agent ${unknown.join(", ")}: expected ${AGENT_NAMES.join(", ")}`);
  const bed = await startAgentBox({ trustedDirs: [PROJECT_DIR] });
  try {
    await bed.box.exec(["mkdir", "-p", UNTRUSTED_DIR]);
    const results = await Promise.allSettled(
      (wanted.length > 0 ? wanted : AGENT_NAMES).map((name) => drive(bed, DRIVERS[name])),
    );
    const failed = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    for (const error of failed)
      process.stderr.write(`screens: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = failed.length > 0 ? 1 : 0;
  } finally {
    await bed.stop();
  }
}

await main();
