import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { logWindowArgv, readLogTail } from "../../../../src/core/sessions/readLog.js";
import type { RemoteExec } from "../../../../src/link/remoteExec.js";
import type { ExecResult } from "../../../../src/link/types.js";

const dir = mkdtempSync(join(tmpdir(), "moor-readlog-"));

// Runs the real window script with the local sh (dash or bash), as the remote login shell would.
function localShell(): RemoteExec & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    label: "box",
    calls,
    exec: (argv) => {
      calls.push([...argv]);
      const [command = "", ...args] = argv;
      try {
        const stdout = execFileSync(command, args, {
          cwd: dir,
          stdio: ["ignore", "pipe", "pipe"],
          maxBuffer: 64 * 1024 * 1024,
        });
        return Promise.resolve<ExecResult>({ stdout, stderr: Buffer.alloc(0), code: 0 });
      } catch (error) {
        const failed = error as { status: number; stdout: Buffer; stderr: Buffer };
        return Promise.resolve<ExecResult>({ stdout: failed.stdout, stderr: failed.stderr, code: failed.status });
      }
    },
  };
}

function logFile(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

describe("logWindowArgv", () => {
  it("passes the path and window as arguments of a fixed script", () => {
    const argv = logWindowArgv(".local/state/moor/s1/output.log", 65536);
    expect(argv.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(argv.slice(3)).toEqual(["sh", ".local/state/moor/s1/output.log", "65536"]);
  });
});

describe("readLogTail", () => {
  const lines = Array.from({ length: 50 }, (_, index) => `line ${String(index + 1)}`).join("\n") + "\n";

  it("gives the last N lines and the size they end at", async () => {
    const path = logFile("small.log", lines);
    const tail = await readLogTail(localShell(), path, 3, "box:s1");
    expect(tail.data.toString()).toBe("line 48\nline 49\nline 50\n");
    expect(tail.size).toBe(Buffer.byteLength(lines));
  });

  it("gives the whole log for all, and none of it (but its size) for 0", async () => {
    const path = logFile("all.log", lines);
    expect((await readLogTail(localShell(), path, "all", "box:s1")).data.toString()).toBe(lines);
    expect(await readLogTail(localShell(), path, 0, "box:s1")).toEqual({
      size: Buffer.byteLength(lines),
      data: Buffer.alloc(0),
    });
  });

  it("widens the window from the end until it holds enough lines", async () => {
    const long = "x".repeat(100_000);
    const path = logFile("long.log", `first\n${long}\n${long}\nlast`);
    const shell = localShell();
    const tail = await readLogTail(shell, path, 2, "box:s1");
    expect(tail.data.toString()).toBe(`${long}\nlast`);
    expect(shell.calls.map((argv) => argv.at(-1))).toEqual(["65536", "262144"]);
  });

  it("gives everything when the log has fewer lines than asked", async () => {
    const path = logFile("few.log", "only\nlines");
    expect((await readLogTail(localShell(), path, 10, "box:s1")).data.toString()).toBe("only\nlines");
  });

  it("keeps bytes exactly (escape sequences, \\r, invalid UTF-8)", async () => {
    const bytes = Buffer.from([0x1b, 0x5b, 0x31, 0x6d, 0x0d, 0x0a, 0xff, 0xfe, 0x0a]);
    const path = logFile("bytes.log", bytes);
    expect((await readLogTail(localShell(), path, "all", "box:s1")).data.equals(bytes)).toBe(true);
  });

  it("is exit 5 with a hint when there is no log", async () => {
    await expect(readLogTail(localShell(), "missing/output.log", 10, "box:s1")).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
      hint: expect.stringMatching(/--no-log/) as unknown,
    });
  });
});
