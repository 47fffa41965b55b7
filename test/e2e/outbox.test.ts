import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgentBox, type AgentBox } from "../support/agentBox.js";
import { AGENT_NAMES, DRIVERS, PROJECT_DIR, type AgentName } from "../support/agents/drivers.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { waitForStatus } from "../support/waitForStatus.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";

// The outbox across a real link cut (the flaky proxy blackholes the box's sshd), with the real agents on the fake
// model: `send --queue` while the link is dark returns at once, `outbox ls` says why each prompt waits, and once the
// link is back each prompt is typed exactly once, which the fake model's log shows. The world has no holder (as the
// suite's worlds): send --queue starts the outbox's own courier, which leaves once the outbox is empty.
// Each agent is reached as its own host through its own flaky link, so each cut is that agent's alone.
let bed: AgentBox;
const links = new Map<AgentName, FlakyLink>();
let world: MoorWorld;

beforeAll(async () => {
  bed = await startAgentBox({ trustedDirs: [PROJECT_DIR] });
  world = makeWorld();
  for (const name of AGENT_NAMES) {
    const link = await startFlakyLink(bed.box.host, bed.box.port);
    links.set(name, link);
    await addBox(world, `via-${name}`, bed.box, { port: link.port });
  }
}, 600_000);

afterAll(async () => {
  for (const link of links.values()) await link.setMode("up");
  stopCourier();
  for (const link of links.values()) await link.close();
  await bed?.stop();
});

const waitForState = (target: string, state: string, seconds: number): Promise<void> =>
  waitForStatus(world, target, state, seconds);

// The agent's own turns (requests that offer it tools, not title or routing side requests) whose latest user
// turn carried TEXT, and how often TEXT appears in them (a prompt typed twice into one box shows doubled).
function seen(text: string): { turns: number; copies: number } {
  const turns = bed.model.requests.filter(
    (request) =>
      offersTools(request.body) && request.userText?.includes(text) === true && !quotesPrompt(request.userText),
  );
  return {
    turns: turns.length,
    copies: turns.reduce((sum, turn) => sum + (turn.userText ?? "").split(text).length - 1, 0),
  };
}

// Codex's title request quotes the user's prompt after "User prompt:" (and offers tools too): a side request.
function quotesPrompt(userText: string): boolean {
  return userText.includes("\nUser prompt:\n");
}

function offersTools(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const tools = (body as { tools?: unknown }).tools;
  return Array.isArray(tools) && tools.length > 0;
}

// A courier left running by a failed test (one that finished has removed its pid file).
function stopCourier(): void {
  try {
    process.kill(Number(readFileSync(join(world.configDir, "outbox.json.courier"), "utf8").trim()), "SIGKILL");
  } catch {
    // none left
  }
}

// When the courier logged typing each queued item (its log beside the outbox), by item id.
function typedAt(): Map<string, number> {
  const typed = new Map<string, number>();
  for (const file of [join(world.configDir, "outbox.log")]) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const match = /^(\S+) outbox: typed (q[0-9a-f]+) into/.exec(line);
      if (match?.[1] && match[2]) typed.set(match[2], Date.parse(match[1]));
    }
  }
  return typed;
}

async function until(what: string, check: () => boolean, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The items in the outbox file now.
function itemsIn(file: string): { id: string }[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { items: { id: string }[] }).items;
}

async function outboxLife(name: AgentName): Promise<void> {
  const target = `via-${name}:${name}`;
  const link = links.get(name);
  if (link === undefined) throw new Error(`no link for ${name}`);
  const made = await moor(world, ["new", target, "--cwd", PROJECT_DIR, "--", ...DRIVERS[name].command], {
    timeoutMs: 120_000,
  });
  expect(made.code, made.stderr).toBe(0);
  await waitForState(target, "waiting", 300);

  await link.setMode("blackhole");
  const text = `${name} queued through the outage ${Math.random().toString(36).slice(2, 10)}`;
  // "At once": about what a command that makes no connection takes on this machine now (a send that waited for
  // the dark link would take its handshake timeout, 10 s, and more).
  const baseline = Date.now();
  await moor(world, ["host", "ls"]);
  const local = Date.now() - baseline;
  const started = Date.now();
  const queued = await moor(world, ["send", "--queue", target, text]);
  const took = Date.now() - started;
  process.stdout.write(`outbox ${name}: send --queue took ${String(took)} ms (host ls: ${String(local)} ms)\n`);
  expect(queued.code, queued.stderr).toBe(0);
  expect(queued.stdout).toMatch(/^q[0-9a-f]{6}\n$/);
  expect(took).toBeLessThan(Math.max(3_000, 3 * local));
  const id = queued.stdout.trim();
  const file = join(world.configDir, "outbox.json");
  expect(statSync(file).mode & 0o777).toBe(0o600);

  const listed = await moor(world, ["outbox", "ls", "--json"], { timeoutMs: 60_000 });
  expect(listed.code, listed.stderr).toBe(0);
  const items = (JSON.parse(listed.stdout) as { items: { id: string; target: string; why: string }[] }).items;
  const item = items.find((candidate) => candidate.id === id);
  expect(item?.target).toBe(target);
  expect(item?.why).toMatch(/^host dark/);
  expect(seen(text).turns).toBe(0);

  // Dark a while longer: the holder's attempts hang on the blackhole, and must not type anything twice later.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await link.setMode("up");
  const back = Date.now();
  await until(`${name}: the queued prompt at the model`, () => seen(text).turns > 0, 90);
  const atModel = Date.now() - back;
  await until(`${name}: ${id} out of the outbox`, () => !itemsIn(file).some((item) => item.id === id), 30);
  const typed = typedAt().get(id);
  process.stdout.write(
    `outbox ${name}@${DRIVERS[name].version}: typed ${typed === undefined ? "?" : String(typed - back)} ms and at the model ${String(atModel)} ms after the link came back\n`,
  );

  // Its turn ends, and it takes a later prompt: the queued one was one turn, typed once.
  await waitForState(target, "waiting", 120);
  const after = `${name} after the outbox`;
  const sent = await moor(world, ["send", target, after]);
  expect(sent.code, sent.stderr).toBe(0);
  await until(`${name} received the next prompt`, () => seen(after).turns > 0, 60);
  expect(seen(text)).toEqual({ turns: 1, copies: 1 });
}

describe.concurrent("the outbox across a real link cut, real agents", () => {
  for (const name of AGENT_NAMES)
    it(
      `${name}@${DRIVERS[name].version}: send --queue while dark returns at once, outbox ls says host dark, typed exactly once after the link returns`,
      () => outboxLife(name),
      900_000,
    );
});
