import { sessionKeys, effectiveSelection, type ViewState } from "./viewState.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";

// The keys the view acts on.
export type Key = "up" | "down" | "top" | "bottom" | "enter" | "peek" | "escape" | "quit";

const SEQUENCES: readonly (readonly [string, Key])[] = [
  ["\x1b[A", "up"], ["\x1bOA", "up"], ["\x1b[B", "down"], ["\x1bOB", "down"],
  ["\x1b[H", "top"], ["\x1b[F", "bottom"], ["\x1b[1~", "top"], ["\x1b[4~", "bottom"],
];
const SINGLE: Readonly<Record<string, Key>> = {
  k: "up", j: "down", g: "top", G: "bottom", p: "peek", q: "quit", Q: "quit",
  "\r": "enter", "\n": "enter", "\x03": "quit", "\x04": "quit", "\x1b": "escape",
};
// an escape sequence we do not use: CSI or SS3 with its final byte
const UNKNOWN_SEQUENCE = /^\x1b(\[[0-?]*[ -/]*[@-~]|O.)/;

// Raw-mode input (one chunk may hold several keys) to the keys the view knows; anything else is ignored.
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let rest = data;
  while (rest.length > 0) {
    const known = SEQUENCES.find(([sequence]) => rest.startsWith(sequence));
    const unknown = known ? undefined : UNKNOWN_SEQUENCE.exec(rest);
    if (known) keys.push(known[1]);
    else if (!unknown) {
      const key = SINGLE[rest[0] ?? ""];
      if (key) keys.push(key);
    }
    rest = rest.slice(known ? known[0].length : unknown ? unknown[0].length : 1);
  }
  return keys;
}

export type KeyResult = { view: ViewState; quit?: true; attach?: string };

// What a key does: moves the selection, opens or closes peek, attaches to the selected session, or quits.
export function applyKey(snapshot: WatchSnapshot, view: ViewState, key: Key): KeyResult {
  const keys = sessionKeys(snapshot);
  const current = effectiveSelection(snapshot, view);
  const index = current === undefined ? -1 : keys.indexOf(current);
  const select = (at: number): KeyResult => {
    const selected = keys[Math.max(0, Math.min(keys.length - 1, at))];
    return { view: { ...view, ...(selected === undefined ? {} : { selected }) } };
  };
  switch (key) {
    case "up": return select(index - 1);
    case "down": return select(index + 1);
    case "top": return select(0);
    case "bottom": return select(keys.length - 1);
    case "peek": return { view: { ...view, peek: !view.peek } };
    case "escape": return { view: { ...view, peek: false } };
    case "quit": return { view, quit: true };
    case "enter": return current === undefined ? { view: { ...view, message: "no session to attach to" } } : { view, attach: current };
  }
}
