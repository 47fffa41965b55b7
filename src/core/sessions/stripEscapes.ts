// Where the stripper is inside a terminal escape sequence (after the VT500 parser's states, much reduced).
type State = "ground" | "escape" | "escapeIntermediate" | "csi" | "osc" | "string";

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const DEL = 0x7f;

const isC0 = (byte: number): boolean => byte < 0x20;
const isIntermediate = (byte: number): boolean => byte >= 0x20 && byte <= 0x2f;
const isFinal = (byte: number): boolean => byte >= 0x30 && byte <= 0x7e;

// What follows ESC: CSI "[", OSC "]", the strings DCS "P", SOS "X", PM "^" and APC "_", or a short sequence.
function afterEscape(byte: number): State {
  if (byte === 0x5b) return "csi";
  if (byte === 0x5d) return "osc";
  if (byte === 0x50 || byte === 0x58 || byte === 0x5e || byte === 0x5f) return "string";
  if (isIntermediate(byte)) return "escapeIntermediate";
  return "ground";
}

// One byte inside a sequence: the next state, and whether the byte itself is kept (C0 controls such as \r and \n
// are acted on by a terminal even mid-sequence, so they are kept; a stray non-ASCII byte ends a broken sequence).
function step(state: State, byte: number): [State, boolean] {
  if (byte === ESC) return ["escape", false];
  if (byte === CAN || byte === SUB) return ["ground", false];
  switch (state) {
    case "osc":
      return [byte === BEL ? "ground" : "osc", false];
    case "string":
      return ["string", false];
    case "escape":
    case "escapeIntermediate":
      if (isC0(byte)) return [state, true];
      if (state === "escape" && byte <= 0x7e) return [afterEscape(byte), false];
      if (isIntermediate(byte)) return [state, false];
      return isFinal(byte) ? ["ground", false] : ["ground", byte !== DEL];
    default:
      if (isC0(byte)) return ["csi", true];
      if (byte >= 0x20 && byte <= 0x3f) return ["csi", false];
      if (byte >= 0x40 && byte <= 0x7e) return ["ground", false];
      return byte === DEL ? ["csi", false] : ["ground", true];
  }
}

// Removes terminal escape sequences (CSI, OSC, DCS/APC/PM/SOS strings and two- or three-byte ESC sequences) from a
// byte stream, keeping every other byte exactly (\r, \n, tabs, UTF-8). It is stateful, so a sequence split across
// chunks is still removed whole, and it never holds bytes back: dropped bytes are dropped as they arrive.
export class EscapeStripper {
  #state: State = "ground";

  push(chunk: Uint8Array): Buffer {
    const kept: Buffer[] = [];
    let runStart = -1;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] ?? 0;
      if (this.#state === "ground" && byte !== ESC) {
        if (runStart < 0) runStart = index;
        continue;
      }
      if (runStart >= 0) kept.push(Buffer.from(chunk.subarray(runStart, index)));
      runStart = -1;
      if (this.#state === "ground") {
        this.#state = "escape";
        continue;
      }
      const [next, keep] = step(this.#state, byte);
      this.#state = next;
      if (keep) kept.push(Buffer.of(byte));
    }
    if (runStart >= 0) kept.push(Buffer.from(chunk.subarray(runStart)));
    return Buffer.concat(kept);
  }
}

// The one-shot form, for a whole log read at once.
export function stripEscapes(data: Uint8Array): Buffer {
  return new EscapeStripper().push(data);
}
