import { makeWorld, addBox, type MoorWorld } from "../test/support/cli.js";
import { startBox, type Box } from "../test/support/box.js";

// The boxes every measurement shares, and moor's private world (config, known_hosts, HOME) that names them.

export async function startBoxes(count: number): Promise<Box[]> {
  return await Promise.all(Array.from({ length: count }, () => startBox()));
}

/** Detached sessions s{from}..s{to}, each running a long sleep, made in one exec per box. */
export async function addSessions(box: Box, from: number, to: number): Promise<void> {
  const script = `for i in $(seq ${from} ${to}); do tmux new-session -d -s "s$i" 'sleep 100000' || exit 1; done`;
  const result = await box.exec(["sh", "-c", script]);
  if (result.exitCode !== 0)
    throw new Error(`could not create sessions in the box on port ${box.port}: ${result.output.trim()}`);
}

/** A moor world whose host NAME{i} is boxes[i] reached on ports[i] (the box itself, or a proxy in front). */
export async function registerHosts(
  boxes: readonly Box[],
  prefix: string,
  ports?: readonly number[],
): Promise<{ world: MoorWorld; names: string[] }> {
  const world = makeWorld();
  const names = boxes.map((_, index) => `${prefix}${index + 1}`);
  for (const [index, box] of boxes.entries())
    await addBox(world, names[index] ?? prefix, box, { port: ports?.[index] ?? box.port });
  return { world, names };
}

// tmux on the box replaced by a wrapper that notes each start in /tmp/tmux-count, then runs the real one.
export async function installTmuxCounter(box: Box): Promise<void> {
  const wrapper = `#!/bin/sh\\necho >>/tmp/tmux-count\\nexec /usr/bin/tmux.real "$@"\\n`;
  const script = `[ -e /usr/bin/tmux.real ] || mv /usr/bin/tmux /usr/bin/tmux.real; printf '${wrapper}' >/usr/bin/tmux && chmod 755 /usr/bin/tmux && : >/tmp/tmux-count && chmod 666 /tmp/tmux-count`;
  const result = await box.exec(["sh", "-c", script], { user: "root" });
  if (result.exitCode !== 0)
    throw new Error(`could not wrap tmux in the box on port ${box.port}: ${result.output.trim()}`);
}

export async function tmuxStarts(box: Box): Promise<number> {
  const result = await box.exec(["sh", "-c", "wc -l </tmp/tmux-count"]);
  return Number(result.stdout.trim());
}

export async function tmuxVersion(box: Box): Promise<string> {
  return (await box.exec(["tmux", "-V"])).stdout.trim();
}
