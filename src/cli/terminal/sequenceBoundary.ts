// Where the remote's output stream can be interrupted: never inside an escape sequence or a UTF-8
// character, or a banner written there would be swallowed or garble the screen.

type Mode = "ground" | "escape" | "escapeIntermediate" | "csi" | "string" | "stringEscape" | "utf8";

const ESC = 0x1b;
/** Strings (OSC, DCS, SOS, PM, APC) run until BEL or ESC \. */
const STRING_OPENERS = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);
/** Past this, a pending sequence is written anyway rather than held back without end. */
const MAX_PENDING = 64 * 1024;

// Splits each chunk into what can be written now and a trailing incomplete sequence held for the next chunk.
export class SequenceBoundary {
  #mode: Mode = "ground";
  #utf8Left = 0;
  #pending: Buffer = Buffer.alloc(0);

  /** The bytes that end on a boundary; the rest waits for the next chunk. */
  take(chunk: Buffer): Buffer {
    const data = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    // What is pending began at a boundary, so the start of data is one.
    let safe = 0;
    for (let index = this.#pending.length; index < data.length; index++) {
      this.#step(data[index] ?? 0);
      if (this.#mode === "ground") safe = index + 1;
    }
    if (data.length - safe > MAX_PENDING) safe = data.length;
    this.#pending = Buffer.from(data.subarray(safe));
    return data.subarray(0, safe);
  }

  /** A new stream starts: whatever was half-received is dropped. */
  reset(): void {
    this.#mode = "ground";
    this.#utf8Left = 0;
    this.#pending = Buffer.alloc(0);
  }

  #step(byte: number): void {
    switch (this.#mode) {
      case "ground":
        return this.#ground(byte);
      case "utf8":
        if (byte >= 0x80 && byte <= 0xbf) {
          if (--this.#utf8Left === 0) this.#mode = "ground";
        } else this.#ground(byte);
        return;
      case "escape":
        if (byte === 0x5b) this.#mode = "csi";
        else if (STRING_OPENERS.has(byte)) this.#mode = "string";
        else if (byte >= 0x20 && byte <= 0x2f) this.#mode = "escapeIntermediate";
        else if (byte !== ESC) this.#mode = "ground";
        return;
      case "escapeIntermediate":
        if (byte === ESC) this.#mode = "escape";
        else if (byte < 0x20 || byte > 0x2f) this.#mode = "ground";
        return;
      case "csi":
        if (byte === ESC) this.#mode = "escape";
        else if ((byte >= 0x40 && byte <= 0x7e) || byte === 0x18 || byte === 0x1a) this.#mode = "ground";
        return;
      case "string":
        if (byte === 0x07 || byte === 0x18 || byte === 0x1a) this.#mode = "ground";
        else if (byte === ESC) this.#mode = "stringEscape";
        return;
      case "stringEscape":
        // As xterm does: ESC \ ends the string; ESC and anything else ends it and starts a new sequence.
        this.#mode = "escape";
        if (byte === 0x5c) this.#mode = "ground";
        else this.#step(byte);
        return;
    }
  }

  #ground(byte: number): void {
    if (byte === ESC) this.#mode = "escape";
    else if (byte >= 0xc2 && byte <= 0xf4) {
      this.#utf8Left = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
      this.#mode = "utf8";
    } else this.#mode = "ground";
  }
}
