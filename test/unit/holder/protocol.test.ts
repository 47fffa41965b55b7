import { describe, expect, it } from "vitest";
import { frame, lineReader, type Request } from "../../../src/holder/protocol.js";

// The holder's framing is bytes: a socket read may end anywhere, inside a character too, and every frame must come out
// exactly as it was sent.
const TEXTS = ["é", "x€y", "𝄞 clef", "日本語のテキスト", "e\u0301 combining", "tab\tand\nnewline", "plain ascii"];

function requestOf(text: string, id = 1): Request {
  return {
    id,
    kind: "run",
    args: ["send", "box1:s", "--no-enter", text],
    env: { LANG: "C.UTF-8" },
    tty: { stdout: false, stderr: false },
  };
}

function readAll(chunks: readonly Buffer[]): { messages: unknown[]; bad: number } {
  const messages: unknown[] = [];
  let bad = 0;
  const read = lineReader(
    (message) => messages.push(message),
    () => bad++,
  );
  for (const chunk of chunks) read(chunk);
  return { messages, bad };
}

// A tiny deterministic generator, so a failure names the seed that found it.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("the holder's framing", () => {
  it("gives every frame back exactly when the bytes are split at every offset, inside characters too", () => {
    for (const text of TEXTS) {
      const messages = [requestOf(text, 1), requestOf(`${text}${text}`, 2)];
      const bytes = Buffer.from(messages.map(frame).join(""));
      for (let cut = 0; cut <= bytes.length; cut++) {
        const read = readAll([bytes.subarray(0, cut), bytes.subarray(cut)]);
        expect(read.bad, `${text} cut at ${String(cut)}`).toBe(0);
        expect(read.messages, `${text} cut at ${String(cut)}`).toEqual(messages);
      }
    }
  });

  it("gives every frame back exactly when split one byte at a time", () => {
    const messages = TEXTS.map((text, index) => requestOf(text, index));
    const bytes = Buffer.from(messages.map(frame).join(""));
    const read = readAll([...bytes].map((byte) => Buffer.from([byte])));
    expect(read.messages).toEqual(messages);
  });

  it("gives a 120 KB non-ASCII text back exactly at random splits, with each prefix length 0 to 3", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const text = `${"x".repeat(seed % 4)}${"é".repeat(60_000)}`;
      const messages = [requestOf(text, seed), { id: seed + 1, kind: "status" as const }];
      const bytes = Buffer.from(messages.map(frame).join(""));
      const chunks: Buffer[] = [];
      for (let start = 0; start < bytes.length;) {
        const size = 1 + Math.floor(next() * 70_000);
        chunks.push(bytes.subarray(start, start + size));
        start += size;
      }
      const read = readAll(chunks);
      expect(read.bad, `seed ${String(seed)}`).toBe(0);
      expect(read.messages.length, `seed ${String(seed)}`).toBe(2);
      const args = (read.messages[0] as { args: string[] }).args;
      expect(args[3] === text, `seed ${String(seed)}: the text came back changed`).toBe(true);
      expect(read.messages[1]).toEqual(messages[1]);
    }
  });

  it("ends the conversation at a line that is not JSON, and reads nothing after it", () => {
    const read = readAll([
      Buffer.from(`${frame({ id: 1, kind: "status" })}not json\n${frame({ id: 2, kind: "stop" })}`),
    ]);
    expect(read.messages).toEqual([{ id: 1, kind: "status" }]);
    expect(read.bad).toBe(1);
  });
});
