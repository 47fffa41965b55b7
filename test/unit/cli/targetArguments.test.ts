import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../../src/cli/program.js";
import { reportError } from "../../../src/cli/reportError.js";
import { makeStyle } from "../../../src/cli/render/style.js";
import { RuntimeHolder } from "../../../src/cli/runtime.js";

// Every command that takes a target, through the real command tree, with a config dir that registers no host: a
// target the command does not take is exit 2, and its message is the grammar's, before any host is even looked up
// (a later check would say "unknown host", exit 5).
async function exitOf(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  const runtime = new RuntimeHolder();
  const configDir = mkdtempSync(join(tmpdir(), "moor-targets-"));
  try {
    await buildProgram(runtime).parseAsync(["node", "moor", "--config-dir", configDir, ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const sink = { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WritableStream;
    return { code: reportError(error, sink, makeStyle({ isTTY: false }, {}), false), stderr };
  } finally {
    runtime.close();
    vi.restoreAllMocks();
  }
}

// [command line with T for the target, the grammar's column]
const COMMANDS: [string, "session" | "whole" | "muted" | "host" | "any"][] = [
  ["peek T", "session"],
  ["status T", "session"],
  ["capture T", "session"],
  ["send T hello", "session"],
  ["attach T", "session"],
  ["answer T 1", "session"],
  ["wait T --timeout 1", "session"],
  ["new T", "whole"],
  ["revive T", "whole"],
  ["note T", "whole"],
  ["kill T", "whole"],
  ["logs T", "whole"],
  ["mute T", "muted"],
  ["unmute T", "muted"],
  ["ls T", "host"],
  ["kill T --all --yes", "host"],
  ["watch T --json", "any"],
];

const BAD_EVERYWHERE: [string, RegExp][] = [
  ["nohost:", /^moor: invalid target "nohost:": expected /],
  ["nohost:a:b:c", /^moor: invalid target "nohost:a:b:c"/],
  ["nohost::w", /^moor: invalid target/],
  ["nohost:bad.name", /^moor: invalid session name "bad.name": must be 1-64 characters/],
  ["nohost:-x", /^moor: invalid session name "-x"/],
  [`nohost:${"a".repeat(65)}`, /^moor: invalid session name "a{65}"/],
  ["nohost:é", /^moor: invalid session name "é"/],
  ["nohost:s:bad.w", /^moor: invalid window name "bad.w"/],
];

// The shapes one grammar refuses and another takes: [target, the columns that refuse it, the message].
const BAD_FOR_SOME: [string, string[], RegExp][] = [
  ["nohost", ["session", "whole"], /^moor: moor \w+ needs a session: got only the host "nohost"/],
  ["nohost:s", ["host"], /^moor: moor (ls|kill --all) takes HOST, not a session: got "nohost:s"/],
  ["nohost:s:w", ["whole", "muted"], /^moor: moor \w+ takes [A-Z: or]+, not a window: got "nohost:s:w"/],
];

describe("target arguments, command by command", () => {
  beforeEach(() => vi.stubEnv("MOOR_NO_DAEMON", "1"));
  afterEach(() => vi.unstubAllEnvs());

  const rows = COMMANDS.flatMap(([line, column]) => [
    ...BAD_EVERYWHERE.map(([target, message]) => [line, target, message] as const),
    ...BAD_FOR_SOME.filter(([, columns]) => columns.includes(column)).map(
      ([target, , message]) => [line, target, message] as const,
    ),
  ]);

  it.each(rows)("moor %s with T=%j: exit 2", async (line, target, message) => {
    const run = await exitOf(line.split(" ").map((word) => (word === "T" ? target : word)));
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it.each(COMMANDS.filter(([, column]) => column !== "session" && column !== "whole"))(
    "moor %s with a host alone gets past the grammar (to the unknown host, exit 5)",
    async (line) => {
      const run = await exitOf(line.split(" ").map((word) => (word === "T" ? "nohost" : word)));
      if (line.startsWith("mute") || line.startsWith("unmute")) expect(run.code).toBe(0);
      else expect(run).toMatchObject({ code: 5, stderr: expect.stringMatching(/nohost/) as string });
    },
  );
});
