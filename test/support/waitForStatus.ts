import { moor, type MoorWorld } from "./cli.js";

// Polls `moor status --json` (as a script would) until TARGET is in STATE, or fails after SECONDS with the last answer.
export async function waitForStatus(world: MoorWorld, target: string, state: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last: string;
  for (;;) {
    const run = await moor(world, ["status", target, "--json"]);
    last = `${run.stdout}${run.stderr}`;
    if (run.code === 0 && (JSON.parse(run.stdout) as { status: string }).status === state) return;
    if (Date.now() > deadline) throw new Error(`${target} was not ${state} within ${seconds} s; moor status: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
