// The one reader of terminal escape sequences (after the VT500 parser's states, much reduced), shared by every
// layer: what logs strip, where attach may write a banner, what capture and the tables ignore, the keys watch reads.

/** What kind of sequence the reader is in: ECMA-48's, plus `ESC k … ESC \`, the title tmux and screen set. */
export type SequenceKind = "escape" | "csi" | "osc" | "dcs" | "sos" | "pm" | "apc" | "title";

/**
 * What one unit (a byte, or a UTF-16 code unit) is: `text` is shown or acted on by a terminal (printable, or a C0
 * control, which a terminal acts on even mid-sequence), `sequence` belongs to a sequence not yet ended, `end` ends one.
 */
export type UnitRole = "text" | "sequence" | "end";

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const DEL = 0x7f;

// What follows ESC when it opens a sequence longer than ESC + one final.
const OPENERS: Readonly<Record<number, SequenceKind>> = {
  0x5b: "csi",
  0x5d: "osc",
  0x50: "dcs",
  0x58: "sos",
  0x5e: "pm",
  0x5f: "apc",
  0x6b: "title",
};
// Strings BEL ends as well as ST (ESC \), as tmux reads them; DCS, SOS and PM end at ST only.
const BEL_ENDS = new Set<SequenceKind>(["osc", "apc", "title"]);

type State = "ground" | "escape" | "escapeIntermediate" | "csi" | "string";

// One unit inside ESC, ESC-intermediate or CSI: a C0 control is acted on, DEL ignored, a non-ASCII unit breaks the
// sequence and is shown.
function outsideRange(unit: number): UnitRole | undefined {
  if (unit < 0x20) return "text";
  if (unit === DEL) return "sequence";
  return unit > DEL ? "text" : undefined;
}

// A state machine fed one unit at a time; it never looks ahead, so a sequence split across chunks reads the same.
export class EscapeReader {
  #state: State = "ground";
  #kind: SequenceKind = "escape";

  /** Between sequences: whatever was fed so far is complete. */
  get inGround(): boolean {
    return this.#state === "ground";
  }

  /** The kind of the sequence being read, or of the last one read. */
  get kind(): SequenceKind {
    return this.#kind;
  }

  reset(): void {
    this.#state = "ground";
  }

  step(unit: number): UnitRole {
    if (unit === ESC) {
      this.#state = "escape";
      this.#kind = "escape";
      return "sequence";
    }
    if (this.#state === "ground") return "text";
    if (unit === CAN || unit === SUB) return this.#end();
    switch (this.#state) {
      case "string":
        return unit === BEL && BEL_ENDS.has(this.#kind) ? this.#end() : "sequence";
      case "escape": {
        const opens = OPENERS[unit];
        if (opens !== undefined) {
          this.#kind = opens;
          this.#state = opens === "csi" ? "csi" : "string";
          return "sequence";
        }
        return this.#escapeTail(unit);
      }
      case "escapeIntermediate":
        return this.#escapeTail(unit);
      default:
        return this.#csi(unit);
    }
  }

  #escapeTail(unit: number): UnitRole {
    if (unit >= 0x20 && unit <= 0x2f) {
      this.#state = "escapeIntermediate";
      return "sequence";
    }
    return this.#finalOr(unit, 0x30);
  }

  #csi(unit: number): UnitRole {
    return unit >= 0x20 && unit <= 0x3f ? "sequence" : this.#finalOr(unit, 0x40);
  }

  #finalOr(unit: number, lowestFinal: number): UnitRole {
    if (unit >= lowestFinal && unit < DEL) return this.#end();
    const role = outsideRange(unit) ?? "sequence";
    if (unit > DEL) this.#state = "ground";
    return role;
  }

  #end(): UnitRole {
    this.#state = "ground";
    return "end";
  }
}

// Removes escape sequences from a byte stream, keeping every other byte exactly (\r, \n, tabs, UTF-8). A sequence
// split across chunks is still removed whole, and no byte is held back: dropped bytes are dropped as they arrive.
export class EscapeStripper {
  readonly #reader = new EscapeReader();

  push(chunk: Uint8Array): Buffer {
    const kept: Uint8Array[] = [];
    let runStart = -1;
    for (let index = 0; index < chunk.length; index++) {
      const keep = this.#reader.step(chunk[index] ?? 0) === "text";
      if (keep && runStart < 0) runStart = index;
      if (!keep && runStart >= 0) {
        kept.push(chunk.subarray(runStart, index));
        runStart = -1;
      }
    }
    if (runStart >= 0) kept.push(chunk.subarray(runStart));
    return Buffer.concat(kept);
  }
}

// The text a terminal would show or act on, without its escape sequences.
export function stripEscapes(text: string): string {
  const reader = new EscapeReader();
  let out = "";
  let runStart = -1;
  for (let index = 0; index < text.length; index++) {
    const keep = reader.step(text.charCodeAt(index)) === "text";
    if (keep && runStart < 0) runStart = index;
    if (!keep && runStart >= 0) {
      out += text.slice(runStart, index);
      runStart = -1;
    }
  }
  return runStart >= 0 ? out + text.slice(runStart) : out;
}

/** A run of text, or one escape sequence (`complete` false when the input ended or broke inside it). */
export type EscapeToken = { text: string } & (
  { sequence: false } | { sequence: true; kind: SequenceKind; complete: boolean }
);

// Text cut into runs of text and whole sequences, for input where each sequence means something (a key). A C0
// control inside a sequence is a text token of its own, in the order it came.
export function escapeTokens(text: string): EscapeToken[] {
  const reader = new EscapeReader();
  const tokens: EscapeToken[] = [];
  let run = "";
  let sequence = "";
  const flushRun = (): void => {
    if (run !== "") tokens.push({ text: run, sequence: false });
    run = "";
  };
  const flushSequence = (kind: SequenceKind, complete: boolean): void => {
    if (sequence !== "") tokens.push({ text: sequence, sequence: true, kind, complete });
    sequence = "";
  };
  for (const char of text) {
    const kind = reader.kind;
    const role = reader.step(char.charCodeAt(0));
    if (char === "\x1b") {
      flushRun();
      flushSequence(kind, false);
      sequence = char;
    } else if (role === "text" && !reader.inGround) {
      tokens.push({ text: char, sequence: false });
    } else if (role === "text") {
      flushSequence(kind, false);
      run += char;
    } else {
      sequence += char;
      if (role === "end") flushSequence(reader.kind, true);
    }
  }
  flushRun();
  flushSequence(reader.kind, false);
  return tokens;
}
