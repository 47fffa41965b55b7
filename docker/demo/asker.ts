// The demo's notification part: a fake Claude Code that works for a while, then asks a question; moor watch marks
// it asking and notifies (the bell on the demo's terminal, and a notify.command that logs what it was told).
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Box } from "../../test/support/box.js";
import { moor, type MoorWorld } from "../../test/support/cli.js";

// A script named claude (so its pane's command is claude, and its title says Claude Code): the busy marker
// ("esc to interrupt") for a while, then a permission dialog that waits for an answer.
const FAKE_CLAUDE = `#!/bin/bash
printf '\\033]2;Claude Code\\007'
for i in $(seq 1 12); do printf '\\r✻ Reading src/app.ts… (%ds · esc to interrupt)' "$i"; sleep 1; done
printf '\\r%60s\\n\\n Edit file src/app.ts\\n\\n Do you want to make this edit to app.ts?\\n ❯ 1. Yes\\n   2. No\\n' ''
read -r answer
`;

export interface Asker {
  /** What notify.command was told, one line per notification. */
  told(): string[];
}

// Starts HOST:asker as a fake claude and points notify.command at a log the demo prints at the end.
export async function startAsker(world: MoorWorld, host: string, box: Box): Promise<Asker> {
  const installed = await box.exec([
    "sh",
    "-c",
    `mkdir -p ~/fake && cat > ~/fake/claude <<'EOF'\n${FAKE_CLAUDE}EOF\nchmod +x ~/fake/claude && echo ~/fake/claude`,
  ]);
  if (installed.exitCode !== 0) throw new Error(`installing the fake claude failed: ${installed.output}`);
  const fakeClaude = installed.output.trim();
  const dir = mkdtempSync(join(tmpdir(), "moor-demo-notify-"));
  const log = join(dir, "told.log");
  const script = join(dir, "notify-command");
  writeFileSync(
    script,
    `#!/bin/sh\nprintf '%s is %s (was %s, %s): %s\\n' "$MOOR_TARGET" "$MOOR_STATE" "$MOOR_PREVIOUS" "$MOOR_AGENT" "$MOOR_REASON" >> ${log}\n`,
  );
  chmodSync(script, 0o755);
  const set = await moor(world, ["config", "set", "notify.command", script]);
  if (set.code !== 0) throw new Error(`moor config set notify.command failed: ${set.stderr}`);
  const made = await moor(world, ["new", `${host}:asker`, "--", fakeClaude]);
  if (made.code !== 0) throw new Error(`moor new ${host}:asker failed: ${made.stderr}`);
  return {
    told: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .split("\n")
            .filter((line) => line !== "")
        : [],
  };
}
