import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { TtyTerminal, type TtyInput, type TtyOutput } from "../../../../src/cli/terminal/ttyTerminal.js";
import { ExitCode } from "../../../../src/errors.js";

class FakeInput extends EventEmitter implements TtyInput {
  isTTY = true;
  rawModes: boolean[] = [];
  flowing = false;
  setRawMode(mode: boolean): void {
    this.rawModes.push(mode);
  }
  resume(): void {
    this.flowing = true;
  }
  pause(): void {
    this.flowing = false;
  }
}

class FakeOutput extends EventEmitter implements TtyOutput {
  isTTY = true;
  rows = 24;
  columns = 20;
  written = "";
  write(data: string | Uint8Array): boolean {
    this.written += typeof data === "string" ? data : Buffer.from(data).toString("latin1");
    return true;
  }
}

function open(env: NodeJS.ProcessEnv = { TERM: "screen-256color" }) {
  const input = new FakeInput();
  const output = new FakeOutput();
  return { input, output, terminal: TtyTerminal.open(input, output, env) };
}

describe("TtyTerminal", () => {
  it("refuses to attach without a terminal (exit 2)", () => {
    const input = new FakeInput();
    input.isTTY = false;
    expect(() => TtyTerminal.open(input, new FakeOutput(), {})).toThrow(
      expect.objectContaining({
        exitCode: ExitCode.usage,
        message: expect.stringMatching(/^moor attach needs a terminal/) as unknown,
      }),
    );
  });

  it("uses the local TERM, or xterm-256color when there is none", () => {
    expect(open().terminal.term).toBe("screen-256color");
    expect(open({}).terminal.term).toBe("xterm-256color");
    expect(open({ TERM: "dumb" }).terminal.term).toBe("xterm-256color");
  });

  it("goes raw on start and back to cooked on restore, once", () => {
    const { input, output, terminal } = open();
    terminal.start();
    expect(input.rawModes).toEqual([true]);
    expect(input.flowing).toBe(true);
    terminal.restore(true);
    terminal.restore(false);
    expect(input.rawModes).toEqual([true, false]);
    expect(input.flowing).toBe(false);
    expect(output.written).toBe("\x1b[?25h");
  });

  it("undoes a vanished tmux client's modes when the exit was not clean", () => {
    const { output, terminal } = open();
    terminal.start();
    terminal.write(Buffer.from("\x1b[?1049h\x1b[?1000h"));
    terminal.restore(false);
    expect(output.written).toContain("\x1b[?1049l");
    expect(output.written).toContain("\x1b[?1000l");
    expect(output.written).toContain("\x1b[?2004l");
    expect(output.written.endsWith("\x1b[?25h")).toBe(true);
  });

  it("leaves the screen alone when nothing was drawn before an error", () => {
    const { output, terminal } = open();
    terminal.start();
    terminal.restore(false);
    expect(output.written).toBe("\x1b[?25h");
  });

  it("never writes the banner inside an escape sequence the link cut in half", () => {
    const { output, terminal } = open();
    terminal.write(Buffer.from("tick 9\x1b[1;3"));
    terminal.showBanner({ host: "box", silentSeconds: 3, down: false, reconnecting: true });
    expect(output.written).toBe("tick 9\x1b7\x1b[24;1H\x1b[2K\x1b[7mmoor: link to box q\x1b[0m\x1b8");
    terminal.write(Buffer.from("1m!"));
    expect(output.written.endsWith("\x1b8\x1b[1;31m!")).toBe(true);
  });

  it("reports its size and resizes", () => {
    const { output, terminal } = open();
    const seen: string[] = [];
    const stop = terminal.onResize(() => seen.push(JSON.stringify(terminal.size())));
    output.rows = 50;
    output.emit("resize");
    stop();
    output.emit("resize");
    expect(seen).toEqual(['{"rows":50,"cols":20}']);
  });
});
