import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgentBox, type AgentBox } from "../support/agentBox.js";
import { AGENT_NAMES, DRIVERS, PROJECT_DIR, type AgentDriver } from "../support/agents/drivers.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { waitForStatus } from "../support/waitForStatus.js";
import { PROMPTS } from "../support/fakeModel.js";

// The real agents (docker/agents), driven through moor's CLI only, as a user would: every state read from moor
// itself (moor status --json, moor ls --json), every prompt checked at the fake model.
let bed: AgentBox;
let world: MoorWorld;

beforeAll(async () => {
  bed = await startAgentBox({ trustedDirs: [PROJECT_DIR] });
  world = makeWorld();
  await addBox(world, "agents", bed.box);
}, 600_000);

afterAll(async () => {
  await bed?.stop();
});

interface StatusJson {
  status: string;
  agent: string | null;
  reason: string;
}

const waitFor = (target: string, state: string, seconds: number): Promise<void> =>
  waitForStatus(world, target, state, seconds);

async function status(target: string): Promise<StatusJson> {
  const run = await moor(world, ["status", target, "--json"]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as StatusJson;
}

// A send into an agent returns once the agent took the prompt: on a busy machine that takes tens of seconds.
async function send(target: string, args: string[]): Promise<void> {
  const run = await moor(world, ["send", target, ...args], { timeoutMs: 180_000 });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}

async function lsStatus(session: string): Promise<string | undefined> {
  const run = await moor(world, ["ls", "agents", "--json"]);
  const json = JSON.parse(run.stdout) as {
    hosts: { sessions: { name: string; status: string; agent?: string | null }[] }[];
  };
  return json.hosts[0]?.sessions.find((s) => s.name === session)?.status;
}

async function untilReceived(text: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!bed.model.received(text)) {
    if (Date.now() > deadline) throw new Error(`the fake model never received ${JSON.stringify(text)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function lifeOf(driver: AgentDriver): Promise<void> {
  const target = `agents:${driver.name}`;
  const made = await moor(world, ["new", target, "--cwd", PROJECT_DIR, "--", ...driver.command], {
    timeoutMs: 120_000,
  });
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  // Codex 0.171.0 reads no input until its app-server is up (moor calls that "working"): minutes on a busy machine.
  await waitFor(target, "waiting", 900);
  expect(await status(target)).toMatchObject({ status: "waiting", agent: driver.name });

  const streamed = `${driver.name} ${PROMPTS.stream} tell a long story`;
  await send(target, [streamed]);
  await waitFor(target, "working", 60);
  await untilReceived(streamed, 60);
  await waitFor(target, "waiting", 90);

  const tool = `${driver.name} ${PROMPTS.tool} run the command`;
  await send(target, [tool]);
  await waitFor(target, "asking", 90);
  expect(bed.model.received(tool)).toBe(true);
  expect(await lsStatus(driver.name)).toBe("asking");
  const results = bed.model.requests.filter((r) => r.toolResult).length;
  await send(target, [...driver.approve.flatMap((key) => ["--key", key])]);
  // The model holds its answer to the tool's result for 4 s: working, too short to catch reliably by polling.
  await waitFor(target, "waiting", 90);
  expect(bed.model.requests.filter((r) => r.toolResult).length).toBeGreaterThan(results);

  await send(target, [driver.quit]);
  await waitFor(target, "exited", 90);
  expect(await lsStatus(driver.name)).toBe("exited");
}

describe.concurrent("real agents through moor", () => {
  for (const name of AGENT_NAMES) {
    const driver = DRIVERS[name];
    it(
      `${name}@${driver.version}: start → waiting → working → waiting → asking → approved → waiting → exited`,
      () => lifeOf(driver),
      1_800_000,
    );
  }
});
