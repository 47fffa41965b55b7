import { describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../../src/cli/program.js";
import { reportError } from "../../../src/cli/reportError.js";
import { makeStyle } from "../../../src/cli/render/style.js";
import { RuntimeHolder } from "../../../src/cli/runtime.js";
import { ExitCode, MoorError } from "../../../src/errors.js";

interface Parsed {
  code: number;
  stdout: string;
  stderr: string;
}

// Parses ARGS with the real command tree and reports as run() does; help and errors are captured, not printed.
async function parse(args: string[]): Promise<Parsed> {
  const written = { stdout: "", stderr: "" };
  vi.spyOn(process.stdout, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((written.stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((written.stderr += String(chunk)), true),
  );
  const runtime = new RuntimeHolder();
  try {
    await buildProgram(runtime).parseAsync(["node", "moor", ...args]);
    return { code: 0, ...written };
  } catch (error) {
    const sink = { write: (text: string) => ((written.stderr += text), true) } as unknown as NodeJS.WritableStream;
    return { code: reportError(error, sink, makeStyle({ isTTY: false }, {}), false), ...written };
  } finally {
    runtime.close();
    vi.restoreAllMocks();
  }
}

describe("help and usage exit codes", () => {
  it("--help and help print to stdout and exit 0", async () => {
    for (const args of [["--help"], ["help"], ["host", "--help"], ["help", "host"], ["ls", "--help"]]) {
      const run = await parse(args);
      expect(run, args.join(" ")).toMatchObject({ code: ExitCode.ok, stderr: "" });
      expect(run.stdout).toMatch(/^Usage: moor/);
      expect(run.stdout).toMatch(/\nExamples:\n {2}\$ moor /);
    }
  });

  it("a missing subcommand prints help to stderr and is a usage error (exit 2)", async () => {
    for (const args of [[], ["host"]]) {
      const run = await parse(args);
      expect(run, args.join(" ")).toMatchObject({ code: ExitCode.usage, stdout: "" });
      expect(run.stderr).toMatch(/^Usage: moor/);
    }
  });

  it("an unknown command or option is exit 2", async () => {
    expect((await parse(["nosuch"])).code).toBe(ExitCode.usage);
    expect((await parse(["ls", "--nosuch"])).code).toBe(ExitCode.usage);
    expect((await parse(["host", "add", "x", "me@h", "-p", "99999"])).code).toBe(ExitCode.usage);
  });

  it("ends every command's --help with examples", () => {
    const program = buildProgram(new RuntimeHolder());
    const all = [program, ...program.commands, ...program.commands.flatMap((command) => command.commands)].filter(
      (command) => command.name() !== "help",
    );
    for (const command of all) {
      let help = "";
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      expect(help, command.name()).toMatch(/\nExamples:\n {2}\$ moor /);
    }
  });
});

describe("reportError", () => {
  it("prints a MoorError as one line and a hint, and returns its exit code", () => {
    let text = "";
    const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    const code = reportError(
      new MoorError("gpu1 unreachable: connection refused", ExitCode.unreachable, { hint: "moor host test gpu1" }),
      sink,
      makeStyle({ isTTY: false }, {}),
      false,
    );
    expect(code).toBe(ExitCode.unreachable);
    expect(text).toBe("moor: gpu1 unreachable: connection refused\nhint: moor host test gpu1\n");
  });
});
