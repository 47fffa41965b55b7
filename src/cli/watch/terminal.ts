// The screen the live view draws on, small enough that unit tests use a fake one.
export interface ViewTerminal {
  readonly columns: number;
  readonly rows: number;
  write(text: string): void;
  onInput(listener: (data: string) => void): () => void;
  onResize(listener: () => void): () => void;
  /** Alternate screen, hidden cursor, raw input. */
  enter(): void;
  /** Back to the normal screen, cursor shown, input cooked and paused; harmless when not entered. */
  leave(): void;
}

// The alternate screen keeps the user's scrollback intact; the cursor is hidden while the view draws; autowrap is
// off, so a line the terminal measures wider than moor does is cut at the edge instead of scrolling the frame.
export const ENTER_SCREEN = "\x1b[?1049h\x1b[?25l\x1b[?7l";
export const LEAVE_SCREEN = "\x1b[?7h\x1b[?25h\x1b[?1049l";

// Each row is addressed and cleared before it is written: no scrolling, and a full-width row keeps its last cell.
export function frameToAnsi(lines: readonly string[]): string {
  return lines.map((line, row) => `\x1b[${row + 1};1H\x1b[2K${line}`).join("") + "\x1b[J";
}

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOut = NodeJS.WritableStream & { columns?: number; rows?: number };

// The real terminal: process.stdin in raw mode and process.stdout.
export function processTerminal(stdin: TtyIn, stdout: TtyOut): ViewTerminal {
  let entered = false;
  const restoreOnExit = (): void => void stdout.write(LEAVE_SCREEN);
  return {
    get columns() {
      return stdout.columns ?? 80;
    },
    get rows() {
      return stdout.rows ?? 24;
    },
    write: (text) => void stdout.write(text),
    onInput: (listener) => {
      stdin.on("data", listener);
      return () => void stdin.off("data", listener);
    },
    onResize: (listener) => {
      stdout.on("resize", listener);
      return () => void stdout.off("resize", listener);
    },
    enter: () => {
      entered = true;
      // Even a crash must not leave the user on a blank alternate screen without a cursor.
      process.once("exit", restoreOnExit);
      stdout.write(ENTER_SCREEN);
      if (stdin.isTTY) stdin.setRawMode?.(true);
      stdin.setEncoding("utf8");
      stdin.resume();
    },
    leave: () => {
      if (!entered) return;
      entered = false;
      process.off("exit", restoreOnExit);
      if (stdin.isTTY) stdin.setRawMode?.(false);
      stdin.pause();
      stdout.write(LEAVE_SCREEN);
    },
  };
}
