import { sessionKey, sessionKeys, effectiveSelection, type ViewState } from "./viewState.js";
import { isStale, type WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { Choice } from "../../state/question.js";
import { escapeTokens } from "../../text/escapes.js";

// The keys the view acts on: moves, views, and on the selected session an answer (1–9, y, n) or a reply (r).
export type Key =
  | "up"
  | "down"
  | "top"
  | "bottom"
  | "enter"
  | "peek"
  | "escape"
  | "quit"
  | "reply"
  | { answer: Exclude<Choice, "esc"> };

const SEQUENCES: Readonly<Record<string, Key>> = {
  "\x1b[A": "up",
  "\x1bOA": "up",
  "\x1b[B": "down",
  "\x1bOB": "down",
  "\x1b[H": "top",
  "\x1b[F": "bottom",
  "\x1b[1~": "top",
  "\x1b[4~": "bottom",
};
const SINGLE: Readonly<Record<string, Key>> = {
  k: "up",
  j: "down",
  g: "top",
  G: "bottom",
  p: "peek",
  q: "quit",
  Q: "quit",
  r: "reply",
  "\r": "enter",
  "\n": "enter",
  "\x03": "quit",
  "\x04": "quit",
};
// SS3 (ESC O) takes the next character with it: the keypad form of the arrows.
const SS3 = "\x1bO";

// Raw-mode input (one chunk may hold several keys) to the keys the view knows; anything else is ignored. A lone ESC
// at the end of a chunk is the Escape key; any other sequence is a key only if it is one of SEQUENCES.
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let rest = "";
  for (const token of escapeTokens(data)) {
    let text = token.sequence ? token.text : rest + token.text;
    rest = "";
    if (token.sequence) {
      const key = token.complete ? SEQUENCES[text] : text === "\x1b" ? "escape" : undefined;
      if (key !== undefined) keys.push(key);
      else if (token.complete && text === SS3) rest = text;
      continue;
    }
    if (text.startsWith(SS3)) {
      const key = SEQUENCES[text.slice(0, 3)];
      if (key !== undefined) keys.push(key);
      text = text.slice(3);
    }
    for (const char of text) {
      const key = SINGLE[char] ?? answerKey(char);
      if (key !== undefined) keys.push(key);
    }
  }
  return keys;
}

// 1–9 pick that option, y and n the yes or no option of the selected session's question.
function answerKey(char: string): Key | undefined {
  if (char >= "1" && char <= "9") return { answer: Number(char) };
  if (char === "y" || char === "Y") return { answer: "yes" };
  if (char === "n" || char === "N") return { answer: "no" };
  return undefined;
}

export type KeyResult = {
  view: ViewState;
  quit?: true;
  attach?: string;
  /** Answer the question TARGET asks (as moor answer). */
  answer?: { target: string; choice: Choice };
};

// The selected session, when it is asking on a live host: the one an answer key is for.
function askingSelection(snapshot: WatchSnapshot, target: string | undefined): string | undefined {
  for (const host of snapshot.hosts) {
    const session = host.sessions.find((candidate) => sessionKey(host.host, candidate.name) === target);
    if (session !== undefined) return session.state.state === "asking" && !isStale(host) ? target : undefined;
  }
  return undefined;
}

// What a key does: moves the selection, opens or closes peek, attaches to the selected session, answers its question,
// opens a reply to it, or quits.
export function applyKey(snapshot: WatchSnapshot, view: ViewState, key: Key): KeyResult {
  const current = effectiveSelection(snapshot, view);
  if (typeof key === "object") {
    const asking = askingSelection(snapshot, current);
    return asking === undefined
      ? { view: { ...view, message: `${current ?? "no session"} is not asking: nothing to answer` } }
      : { view, answer: { target: asking, choice: key.answer } };
  }
  return applyMove(snapshot, view, key, current);
}

// What a key that is not an answer does: moves, peek, Esc (closes peek, else dismisses a question), attach, reply.
function applyMove(
  snapshot: WatchSnapshot,
  view: ViewState,
  key: Exclude<Key, { answer: unknown }>,
  current: string | undefined,
): KeyResult {
  const keys = sessionKeys(snapshot);
  const index = current === undefined ? -1 : keys.indexOf(current);
  const select = (at: number): KeyResult => {
    const selected = keys[Math.max(0, Math.min(keys.length - 1, at))];
    return { view: { ...view, ...(selected === undefined ? {} : { selected }) } };
  };
  switch (key) {
    case "up":
      return select(index - 1);
    case "down":
      return select(index + 1);
    case "top":
      return select(0);
    case "bottom":
      return select(keys.length - 1);
    case "peek":
      return { view: { ...view, peek: !view.peek } };
    case "escape": {
      if (view.peek) return { view: { ...view, peek: false } };
      const asking = askingSelection(snapshot, current);
      return asking === undefined ? { view } : { view, answer: { target: asking, choice: "esc" } };
    }
    case "reply":
      return current === undefined
        ? { view: { ...view, message: "no session to reply to" } }
        : { view: { ...view, reply: { target: current, text: "" } } };
    case "quit":
      return { view, quit: true };
    case "enter":
      return current === undefined
        ? { view: { ...view, message: "no session to attach to" } }
        : { view, attach: current };
  }
}
