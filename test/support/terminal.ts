import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { quoteArgv } from "../../src/ssh/shellQuote.js";

const run = promisify(execFile);
const EXIT_MARK = "moor-test-exit=";

// A real pseudo-terminal on this machine (a private local tmux server) running a command as a user
// would, so tests can type keys and read the screen as it is drawn.
export class LocalTerminal {
  readonly socket: string;

  private constructor(socket: string) {
    this.socket = socket;
  }

  static async start(
    argv: readonly string[],
    options: { env?: NodeJS.ProcessEnv; cols?: number; rows?: number } = {},
  ): Promise<LocalTerminal> {
    const terminal = new LocalTerminal(`moor-pty-${randomUUID().slice(0, 8)}`);
    const exports = Object.entries(options.env ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => `export ${key}=${quoteArgv([value])};`)
      .join(" ");
    // Not exec: the shell prints the exit status itself, because this machine's tmux (Debian's 3.3a,
    // libutempter) sometimes never reaps the pane's process and leaves pane_dead_status empty.
    const script = `${exports} ${quoteArgv(argv)}; echo "${EXIT_MARK}$?"`;
    await terminal.tmux(
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-x",
      String(options.cols ?? 100),
      "-y",
      String(options.rows ?? 30),
      "sh",
      "-c",
      script,
    );
    await terminal.tmux("set-option", "-g", "remain-on-exit", "on");
    return terminal;
  }

  /** The visible screen as text, one line per row. */
  async screen(): Promise<string> {
    return (await this.tmux("capture-pane", "-p", "-t", "0")).stdout;
  }

  /** Waits until the screen matches; resolves with the milliseconds it took. */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const screen = await this.screen();
      if (pattern.test(screen)) return Date.now() - started;
      if (Date.now() - started > timeoutMs)
        throw new Error(`screen did not show ${pattern} within ${timeoutMs} ms; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Types keys as tmux send-keys names them ("q", "Enter", "C-b", "d"), or literal text with literal=true. */
  async type(keys: readonly string[], literal = false): Promise<void> {
    await this.tmux("send-keys", "-t", "0", ...(literal ? ["-l"] : []), ...keys);
  }

  async resize(cols: number, rows: number): Promise<void> {
    await this.tmux("resize-window", "-t", "0", "-x", String(cols), "-y", String(rows));
  }

  /** The command's exit status once it has ended, or undefined while it runs. */
  async exitStatus(): Promise<number | undefined> {
    const text = (await this.tmux("capture-pane", "-p", "-S", "-", "-t", "0")).stdout;
    const status = new RegExp(`${EXIT_MARK}(\\d+)`).exec(text)?.[1];
    return status === undefined ? undefined : Number(status);
  }

  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const status = await this.exitStatus();
      if (status !== undefined) return status;
      if (Date.now() - started > timeoutMs)
        throw new Error(`the command did not exit within ${timeoutMs} ms; screen:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.tmux("kill-server").catch(() => undefined);
  }

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }
}
