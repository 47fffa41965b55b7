import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { MOOR_BIN } from "../../support/cli.js";

export interface WatchEvent {
  type: string;
  host: string;
  session?: string;
  kind?: string;
  line?: string;
  stale?: boolean;
  switchedPath?: { at: number; silentMs: number; trigger: string };
  state?: string;
  receivedAt: number;
}

// moor watch (with --json among args) as a running child: every event with the time it arrived.
export class WatchRun {
  readonly events: WatchEvent[] = [];
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  exitCode: number | null | undefined;
  #buffer = "";

  constructor(args: readonly string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [MOOR_BIN, "watch", ...args], { env });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString();
      this.#buffer += chunk.toString();
      const lines = this.#buffer.split("\n");
      this.#buffer = lines.pop() ?? "";
      for (const line of lines)
        this.events.push({ ...(JSON.parse(line) as Omit<WatchEvent, "receivedAt">), receivedAt: Date.now() });
    });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.once("exit", (code) => (this.exitCode = code));
  }

  /** The first event from index `from` on that matches; rejects after timeoutMs. */
  async next(match: (event: WatchEvent) => boolean, from: number, timeoutMs: number): Promise<WatchEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.exitCode !== undefined)
        throw new Error(
          `moor watch exited (${String(this.exitCode)}) while a test waited for an event; stderr: ${this.stderr}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `no matching watch event within ${timeoutMs} ms; last events: ${JSON.stringify(this.events.slice(-5))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.child.kill("SIGINT");
    return await exited;
  }
}

/** Polls check until it returns a value, or fails after timeoutMs naming what it waited for. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
