import type { ControlEvent, ControlNotice, ControlReply } from "./controlEvents.js";
import { unescapeOutput } from "./outputBytes.js";

const NEWLINE = 0x0a;
const GUARD = /^%(begin|end|error) (\d+) (\d+) (\d+)$/;
const SUBSCRIPTION = /^%subscription-changed (\S+) (\S+) (\S+) (\S+) (\S+)(?: [^:]*)? : ?(.*)$/s;
const ID_NOTICES = {
  "window-add": "windowId",
  "window-close": "windowId",
  "unlinked-window-add": "windowId",
  "unlinked-window-close": "windowId",
  pause: "paneId",
  continue: "paneId",
} as const;

interface OpenBlock {
  time: number;
  number: number;
  flags: number;
  lines: string[];
}

// Reads a control-mode client's stdout as it arrives, in chunks cut anywhere (inside a line, a UTF-8 character or an
// octal escape), and returns the events each chunk completed. A reply's lines are taken verbatim until the %end or
// %error whose time, number and flags match its %begin (tmux.1: "the guard lines"), so a screen line that starts
// with "%" is never read as a notification. Lines are LF-terminated; text is decoded as UTF-8 once whole.
export class ControlParser {
  #pending: Buffer[] = [];
  #block: OpenBlock | undefined;

  push(chunk: Buffer): ControlEvent[] {
    const events: ControlEvent[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      const line = this.#pending.length === 0 ? piece : Buffer.concat([...this.#pending, piece]);
      this.#pending = [];
      const event = this.#line(line);
      if (event) events.push(event);
      start = end + 1;
    }
    if (start < chunk.length) this.#pending.push(Buffer.from(chunk.subarray(start)));
    return events;
  }

  /** A reply is open (its %end has not come): the stream was cut inside it when the client ends here. */
  get inReply(): boolean {
    return this.#block !== undefined;
  }

  #line(bytes: Buffer): ControlEvent | undefined {
    if (this.#block) return this.#inBlock(bytes, this.#block);
    if (bytes[0] !== 0x25 /* % */) return undefined; // nothing outside a block but notifications; tolerate noise
    if (startsWith(bytes, "%output ")) return output(bytes.subarray("%output ".length));
    if (startsWith(bytes, "%extended-output ")) return extendedOutput(bytes);
    const line = bytes.toString("utf8");
    const guard = GUARD.exec(line);
    if (guard?.[1] === "begin") {
      this.#block = { time: Number(guard[2]), number: Number(guard[3]), flags: Number(guard[4]), lines: [] };
      return undefined;
    }
    return notice(line);
  }

  #inBlock(bytes: Buffer, block: OpenBlock): ControlReply | undefined {
    const line = bytes.toString("utf8");
    const guard = bytes[0] === 0x25 ? GUARD.exec(line) : null;
    const closes =
      guard !== null &&
      guard[1] !== "begin" &&
      Number(guard[2]) === block.time &&
      Number(guard[3]) === block.number &&
      Number(guard[4]) === block.flags;
    if (!closes) {
      block.lines.push(line);
      return undefined;
    }
    this.#block = undefined;
    return { kind: "reply", ...block, ok: guard[1] === "end" };
  }
}

function startsWith(bytes: Buffer, prefix: string): boolean {
  return bytes.subarray(0, prefix.length).toString("latin1") === prefix;
}

// "%ID DATA": the pane id ends at the first space; the data may be empty.
function output(rest: Buffer): ControlEvent | undefined {
  const space = rest.indexOf(0x20);
  const paneId = (space === -1 ? rest : rest.subarray(0, space)).toString("latin1");
  const data = space === -1 ? Buffer.alloc(0) : unescapeOutput(rest.subarray(space + 1));
  return { kind: "output", paneId, data };
}

// "%extended-output %ID AGE ... : DATA" (tmux.1: more fields may come before the colon in later releases).
function extendedOutput(bytes: Buffer): ControlEvent | undefined {
  const colon = bytes.indexOf(" : ");
  if (colon === -1) return { kind: "other", name: "extended-output", rest: bytes.toString("utf8") };
  const [, paneId = "", age = ""] = bytes.subarray(0, colon).toString("latin1").split(" ");
  const data = unescapeOutput(bytes.subarray(colon + 3));
  return { kind: "output", paneId, data, ...(/^\d+$/.test(age) ? { ageMs: Number(age) } : {}) };
}

function notice(line: string): ControlEvent {
  const space = line.indexOf(" ");
  const name = line.slice(1, space === -1 ? undefined : space);
  const rest = space === -1 ? "" : line.slice(space + 1);
  if (name === "subscription-changed") {
    const match = SUBSCRIPTION.exec(line);
    if (match) {
      const [, subscription = "", sessionId = "", windowId = "", windowIndex = "", paneId = "", value = ""] = match;
      return { kind: "subscription-changed", name: subscription, sessionId, windowId, windowIndex, paneId, value };
    }
  }
  if (name === "sessions-changed") return { kind: "sessions-changed" };
  if (name === "exit") return rest === "" ? { kind: "exit" } : { kind: "exit", reason: rest };
  if (name === "session-changed") {
    const [sessionId = "", ...words] = rest.split(" ");
    return { kind: "session-changed", sessionId, name: words.join(" ") };
  }
  if (Object.hasOwn(ID_NOTICES, name)) return idNotice(name as keyof typeof ID_NOTICES, rest);
  return { kind: "other", name, rest };
}

function idNotice(name: keyof typeof ID_NOTICES, id: string): ControlNotice {
  return ID_NOTICES[name] === "windowId"
    ? { kind: name as "window-add", windowId: id }
    : { kind: name as "pause", paneId: id };
}
