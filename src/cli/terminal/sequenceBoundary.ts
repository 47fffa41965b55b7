import { EscapeReader } from "../../text/escapes.js";

// Where the remote's output stream can be interrupted: never inside an escape sequence or a UTF-8
// character, or a banner written there would be swallowed or garble the screen.

/** Past this, a pending sequence is written anyway rather than held back without end. */
const MAX_PENDING = 64 * 1024;

// Splits each chunk into what can be written now and a trailing incomplete sequence held for the next chunk.
export class SequenceBoundary {
  readonly #reader = new EscapeReader();
  #utf8Left = 0;
  #pending: Buffer = Buffer.alloc(0);

  /** The bytes that end on a boundary; the rest waits for the next chunk. */
  take(chunk: Buffer): Buffer {
    const data = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    // What is pending began at a boundary, so the start of data is one.
    let safe = 0;
    for (let index = this.#pending.length; index < data.length; index++) {
      if (this.#step(data[index] ?? 0)) safe = index + 1;
    }
    if (data.length - safe > MAX_PENDING) safe = data.length;
    this.#pending = Buffer.from(data.subarray(safe));
    return data.subarray(0, safe);
  }

  /** A new stream starts: whatever was half-received is dropped. */
  reset(): void {
    this.#reader.reset();
    this.#utf8Left = 0;
    this.#pending = Buffer.alloc(0);
  }

  // Whether the stream is on a boundary after this byte.
  #step(byte: number): boolean {
    if (this.#utf8Left > 0 && byte >= 0x80 && byte <= 0xbf) return --this.#utf8Left === 0;
    this.#utf8Left = 0;
    this.#reader.step(byte);
    if (!this.#reader.inGround) return false;
    if (byte >= 0xc2 && byte <= 0xf4) this.#utf8Left = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
    return this.#utf8Left === 0;
  }
}
