import { EventEmitter } from "node:events";
import type { WatchedLink } from "../../../../src/link/linkSlices.js";
import type { LinkState } from "../../../../src/link/linkState.js";
import { FIELD_SEPARATOR } from "../../../../src/tmux/list.js";
import { ExitCode, MoorError } from "../../../../src/errors.js";

export interface FakePane {
  session: string;
  paneId: string;
  /** window_activity, epoch seconds. */
  activity: number;
  window?: string;
  windowIndex?: number;
  paneIndex?: number;
  command?: string;
  start?: string;
  dead?: boolean;
  deadStatus?: number;
  clients?: number;
  title?: string;
  cursorY?: number;
}

// One list-panes -a line in listPanesArgv's field order.
export function paneLine(pane: FakePane): string {
  const windowIndex = pane.windowIndex ?? 0;
  return [
    pane.session,
    "1000",
    String(pane.clients ?? 0),
    "1000",
    String(windowIndex),
    `@${windowIndex}`,
    pane.window ?? "agent",
    String(pane.activity),
    "1",
    String(pane.paneIndex ?? 0),
    pane.paneId,
    "1",
    "42",
    pane.command ?? "claude",
    pane.start ?? `"claude"`,
    pane.dead ? "1" : "0",
    pane.deadStatus === undefined ? "" : String(pane.deadStatus),
    "",
    "/home/me",
    pane.title ?? "title",
    String(pane.cursorY ?? 0),
    "0",
  ].join(FIELD_SEPARATOR);
}

// A remote tmux for the engine: answers list-panes from `panes` and capture-pane from `screens`, records calls.
export class FakeTmux {
  panes: FakePane[] = [];
  screens = new Map<string, string>();
  calls: string[][] = [];
  failWith: Error | undefined;
  /** While set, every call waits for it: to hold a poll in flight. */
  gate: Promise<void> | undefined;

  run = async (argv: readonly string[]): Promise<string> => {
    this.calls.push([...argv]);
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
    let out = argv.includes("list-panes") ? this.panes.map((pane) => `${paneLine(pane)}\n`).join("") : "";
    argv.forEach((arg, index) => {
      if (arg !== "display-message") return;
      const id = argv[index + 3] ?? "";
      // tmux stops the chain at a pane that is gone, and the whole call fails.
      if (!this.panes.some((pane) => pane.paneId === id))
        throw new MoorError(`can't find pane: ${id}`, ExitCode.notFound);
      out += `${(argv[index + 4] ?? "").replace("#{pane_id}", id)}\n${this.screens.get(id) ?? ""}\n`;
    });
    return out;
  };

  kinds(): string[] {
    return this.calls.map((argv) => {
      const list = argv.includes("list-panes");
      const capture = argv.includes("capture-pane");
      return list && capture ? "list+capture" : list ? "list" : "capture";
    });
  }
}

// A link whose state the test sets.
export class FakeLink implements WatchedLink {
  state: LinkState = { kind: "idle" };
  readonly events = new EventEmitter<{ state: [LinkState] }>();
  retries = 0;

  set(state: LinkState): void {
    this.state = state;
    this.events.emit("state", state);
  }

  retryNow(): void {
    this.retries++;
  }
}

// Lets pending promise callbacks run.
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
