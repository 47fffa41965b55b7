import { EventEmitter } from "node:events";
import type { WatchedLink } from "../../../../src/link/linkSlices.js";
import type { LinkState } from "../../../../src/link/linkState.js";
import { FIELD_SEPARATOR } from "../../../../src/tmux/list.js";

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
}

// One list-panes -a line in listPanesArgv's field order.
export function paneLine(pane: FakePane): string {
  const windowIndex = pane.windowIndex ?? 0;
  return [
    pane.session, "1000", String(pane.clients ?? 0), "1000", String(windowIndex), `@${windowIndex}`, pane.window ?? "agent", String(pane.activity), "1",
    String(pane.paneIndex ?? 0), pane.paneId, "1", "42", pane.command ?? "claude", pane.start ?? `"claude"`, pane.dead ? "1" : "0",
    pane.deadStatus === undefined ? "" : String(pane.deadStatus), "", "/home/me", "title",
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
    if (argv.includes("list-panes")) return this.panes.map((pane) => `${paneLine(pane)}\n`).join("");
    let out = "";
    argv.forEach((arg, index) => {
      if (arg !== "display-message") return;
      const id = argv[index + 3] ?? "";
      out += `${(argv[index + 4] ?? "").replace("#{pane_id}", id)}\n${this.screens.get(id) ?? ""}\n`;
    });
    return out;
  };

  kinds(): string[] {
    return this.calls.map((argv) => (argv.includes("list-panes") ? "list" : "capture"));
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
