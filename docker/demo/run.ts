// The demo: two throwaway boxes, a fake agent on each, `moor watch` on both, and beta's link cut
// for about 10 s part-way through so the viewer sees the drop and the recovery. Cleans up after itself.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { startBox, stopAllBoxes, type Box } from "../../test/support/box.js";
import { addBox, makeWorld, moor, MOOR_BIN, type MoorWorld } from "../../test/support/cli.js";
import { startFlakyLink, type FlakyLink } from "../../test/support/flakyLink.js";
import { startAsker, type Asker } from "./asker.js";

const FAKE_AGENT = `i=0; while :; do i=$((i+1)); printf '[agent] step %d: %s\\n' "$i" "$(shuf -n1 -e 'reading src/app.ts' 'running tests' 'editing README.md' 'thinking…' 'fixing a type error')"; sleep 1; done`;
const say = (text: string): void => void process.stderr.write(`\x1b[1mdemo:\x1b[0m ${text}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function setUp(world: MoorWorld): Promise<{ boxes: Box[]; flaky: FlakyLink; asker: Asker }> {
  say("starting two throwaway boxes (sshd + tmux in containers)…");
  const boxes = await Promise.all([startBox(), startBox()]);
  const [alpha, beta] = boxes;
  const flaky = await startFlakyLink(beta.host, beta.port);
  await addBox(world, "alpha", alpha);
  await addBox(world, "beta", beta, { port: flaky.port });
  for (const host of ["alpha", "beta"]) {
    const made = await moor(world, ["new", `${host}:agent`, "--", "bash", "-c", FAKE_AGENT]);
    if (made.code !== 0) throw new Error(`moor new ${host}:agent failed: ${made.stderr}`);
    say(`started a fake agent in ${host}:agent`);
  }
  const asker = await startAsker(world, "alpha", alpha);
  say("started a fake Claude Code in alpha:asker: it works for 12 s, then asks a question (moor notifies)");
  return { boxes, flaky, asker };
}

async function watchWithDrop(world: MoorWorld, flaky: FlakyLink, seconds: number): Promise<void> {
  const json = !process.stdout.isTTY;
  say(
    `opening moor watch${json ? " --json (no terminal here)" : ""} for ${seconds} s; beta's link is cut at ${seconds / 4} s for 10 s`,
  );
  await sleep(1500);
  const watch = spawn(process.execPath, [MOOR_BIN, "watch", "--interval", "1", ...(json ? ["--json"] : [])], {
    env: world.env,
    stdio: "inherit",
  });
  const exited = new Promise<number | null>((resolve) => watch.on("close", resolve));
  await sleep((seconds / 4) * 1000);
  await flaky.setMode("blackhole");
  if (json) say("beta's link is now a blackhole (WiFi gone)");
  await sleep(10_000);
  await flaky.setMode("up");
  if (json) say("beta's link is back");
  await sleep(((seconds * 3) / 4) * 1000 - 10_000);
  watch.kill("SIGTERM");
  await exited;
}

async function main(): Promise<void> {
  const world = makeWorld();
  const seconds = Number(process.argv[2] ?? 40);
  let flaky: FlakyLink | undefined;
  try {
    let asker: Asker;
    ({ flaky, asker } = await setUp(world));
    await watchWithDrop(world, flaky, seconds);
    for (const line of asker.told()) say(`notify.command was told: ${line}`);
    if (asker.told().length === 0) say("no notification went out (the asker was not seen asking)");
    say("done: the agents kept running through the drop; moor reconnected by itself.");
  } finally {
    say("cleaning up the boxes…");
    await flaky?.close();
    await stopAllBoxes();
    rmSync(world.home, { recursive: true, force: true });
  }
}

await main();
