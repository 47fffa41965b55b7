import { fileURLToPath } from "node:url";
import { MOOR_BIN, type MoorWorld } from "../test/support/cli.js";
import { runTimed } from "./timedRun.js";

// Which moor program a measurement runs: the built CLI's command when it exists, or else a labelled
// stand-in from bench/standIn that does the same work through the same layers.
export interface MoorProgram {
  label: string;
  standIn: boolean;
  /** Arguments for `node`, for these hosts. */
  args(hosts: readonly string[]): string[];
}

const standInPath = (name: string) => fileURLToPath(new URL(`./standIn/${name}.ts`, import.meta.url));

export const MOOR_VERSION_ARGS = [MOOR_BIN, "--version"];

async function helpMentions(world: MoorWorld, command: string, options: readonly string[]): Promise<boolean> {
  const help = await runTimed(process.execPath, [MOOR_BIN, command, "--help"], world.env);
  return help.code === 0 && options.every((option) => help.stdout.includes(option));
}

/** `moor ls HOST… --json` if it lists a real host as JSON, else the stand-in. */
export async function lsProgram(world: MoorWorld, probeHost: string): Promise<MoorProgram> {
  const real: MoorProgram = {
    label: "moor ls --json",
    standIn: false,
    args: (hosts) => [MOOR_BIN, "ls", ...hosts, "--json"],
  };
  if (await helpMentions(world, "ls", ["--json"])) {
    const probe = await runTimed(process.execPath, real.args([probeHost]), world.env);
    if (probe.code === 0 && isJson(probe.stdout)) return real;
  }
  return {
    label: "moor ls stand-in (bench/standIn/ls.ts)",
    standIn: true,
    args: (hosts) => [standInPath("ls"), ...hosts],
  };
}

/** `moor watch HOST… --json --interval 2` if its help offers both options, else the stand-in. */
export async function watchProgram(world: MoorWorld): Promise<MoorProgram> {
  const real: MoorProgram = {
    label: "moor watch --json --interval 2",
    standIn: false,
    args: (hosts) => [MOOR_BIN, "watch", ...hosts, "--json", "--interval", "2"],
  };
  if (await helpMentions(world, "watch", ["--json", "--interval"])) return real;
  return watchStandIn();
}

function watchStandIn(): MoorProgram {
  return {
    label: "moor watch stand-in (bench/standIn/watch.ts)",
    standIn: true,
    args: (hosts) => [standInPath("watch"), ...hosts],
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return text
      .trim()
      .split("\n")
      .every((line) => {
        try {
          JSON.parse(line);
          return true;
        } catch {
          return false;
        }
      });
  }
}
