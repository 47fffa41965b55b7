import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, MOOR_BIN, moor, type MoorWorld } from "../support/cli.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { fileSize, readBoxFile, run, waitFor } from "./support/boxFiles.js";

let box: Box;
let flaky: FlakyLink;
let world: MoorWorld;

const logPath = (session: string): string => `/home/moor/.local/state/moor/${session}/output.log`;

async function writeLog(session: string, content: string): Promise<void> {
  await run(box, [
    "sh",
    "-c",
    `mkdir -p "$(dirname "$1")" && printf '%s' "$2" > "$1"`,
    "sh",
    logPath(session),
    content,
  ]);
}

// moor logs -f as a child process, its stdout kept as bytes.
function follow(args: string[]): {
  child: ChildProcess;
  stdout: () => Buffer;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [MOOR_BIN, "logs", "-f", ...args], {
    env: world.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, stdout: () => Buffer.concat(out), stderr: () => Buffer.concat(err).toString(), exit };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  box = await startBox();
  flaky = await startFlakyLink(box.host, box.port);
  world = makeWorld();
  await addBox(world, "box", box);
  await addBox(world, "flaky", box, { port: flaky.port });
});

afterAll(async () => {
  await flaky?.close();
  await box?.stop();
});

describe("moor logs", () => {
  const coloured = "\x1b[?2004h\x1b]0;title\x07\x1b[1;32mgreen\x1b[0m line 1\r\nline 2 \x1b[Kend\r\n";

  it("prints the log with escape sequences stripped, \\r and \\n kept; --raw keeps everything", async () => {
    await writeLog("l1", coloured);
    const plain = await moor(world, ["logs", "box:l1"]);
    expect(plain.stderr).toBe("");
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe("green line 1\r\nline 2 end\r\n");
    const raw = await moor(world, ["logs", "box:l1", "--raw"]);
    expect(raw.stdout).toBe(coloured);
  });

  it("-n N prints the last N lines; -n all the whole log; 100 lines by default", async () => {
    const lines = Array.from({ length: 150 }, (_, index) => `line ${String(index + 1)}\n`);
    await writeLog("l2", lines.join(""));
    expect((await moor(world, ["logs", "box:l2", "-n", "2"])).stdout).toBe("line 149\nline 150\n");
    expect((await moor(world, ["logs", "box:l2", "-n", "all"])).stdout).toBe(lines.join(""));
    expect((await moor(world, ["logs", "box:l2"])).stdout).toBe(lines.slice(50).join(""));
  });

  it("reads what pipe-pane logs from a real session", async () => {
    await run(box, ["mkdir", "-p", "/home/moor/.local/state/moor/piped"]);
    await run(box, [
      "tmux",
      "new-session",
      "-d",
      "-s",
      "piped",
      "sleep 1; printf '\\033[31mhello from the pane\\033[0m\\n'; exec sleep 100000",
    ]);
    await run(box, ["tmux", "pipe-pane", "-t", "=piped:", "-o", "cat >> ~/.local/state/moor/piped/output.log"]);
    const logged = await waitFor("the pane's output in its log", async () => {
      const result = await moor(world, ["logs", "box:piped"]);
      return result.stdout.includes("hello from the pane") ? result.stdout : undefined;
    });
    expect(logged).toContain("hello from the pane\r\n");
    expect(logged).not.toContain("\x1b");
  });

  it("is exit 5 with a hint when the session has no log; exit 2 for a window target", async () => {
    const missing = await moor(world, ["logs", "box:nolog"]);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toMatch(/no log for box:nolog/);
    expect(missing.stderr).toMatch(/--no-log/);
    expect((await moor(world, ["logs", "box:l1:w1"])).code).toBe(2);
    expect((await moor(world, ["logs", "nohost:bad.name"])).code).toBe(2);
  });

  it("-f prints the last lines, then what is appended; Ctrl-C ends it with exit 0", async () => {
    await writeLog("f1", "old 1\nold 2\nold 3\n");
    const tail = follow(["box:f1", "-n", "1"]);
    await waitFor("the last line", () => Promise.resolve(tail.stdout().toString() === "old 3\n" ? true : undefined));
    await run(box, ["sh", "-c", `printf 'new \\033[1mbold\\033[0m\\n' >> "$1"`, "sh", logPath("f1")]);
    await waitFor("the appended line", () =>
      Promise.resolve(tail.stdout().toString() === "old 3\nnew bold\n" ? true : undefined),
    );
    tail.child.kill("SIGINT");
    expect(await tail.exit).toBe(0);
    expect(tail.stderr()).toBe("");
  });

  it("-f through a link reset three times keeps a byte-identical copy of a log written at 50 lines/s for 20 s", async () => {
    const session = "fault";
    await writeLog(session, "");
    const tail = follow(["flaky:fault", "--raw", "-n", "all"]);
    await sleep(1_000);
    const writer = box.exec([
      "bash",
      "-c",
      `for i in $(seq 1 1000); do printf 'line %05d %s \\033[32mok\\033[0m\\r\\n' "$i" "$(date +%s.%N)"; sleep 0.02; done >> "$1"`,
      "bash",
      logPath(session),
    ]);
    const resets: number[] = [];
    for (const at of [4_000, 5_000, 5_000]) {
      await sleep(at);
      resets.push(Date.now());
      await flaky.setMode("reset");
      await sleep(200);
      await flaky.setMode("up");
    }
    await writer;
    const size = await fileSize(box, logPath(session));
    const caughtUp = Date.now();
    await waitFor(
      "the copy to catch up",
      () => Promise.resolve(tail.stdout().length >= size ? true : undefined),
      30_000,
    );
    console.log(
      `log of ${String(size)} bytes; the copy caught up ${String(Date.now() - caughtUp)} ms after the writer ended`,
    );
    await sleep(300);
    tail.child.kill("SIGINT");
    expect(await tail.exit).toBe(0);
    const remote = await readBoxFile(box, logPath(session));
    expect(remote.length).toBeGreaterThan(40_000);
    expect(tail.stdout().length).toBe(remote.length);
    expect(tail.stdout().equals(remote)).toBe(true);
    const stderr = tail.stderr();
    console.log(stderr.trim());
    expect(stderr.match(/moor: link to flaky down, reconnecting…/g)?.length).toBe(3);
    expect(stderr.match(/moor: resumed/g)?.length).toBe(3);
  }, 120_000);
});
