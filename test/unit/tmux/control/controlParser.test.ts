import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ControlEvent, ControlReply } from "../../../../src/tmux/control/controlEvents.js";
import { ControlParser } from "../../../../src/tmux/control/controlParser.js";
import { unescapeOutput } from "../../../../src/tmux/control/outputBytes.js";

const RELEASES = ["3.3a", "3.5a", "3.8"] as const;
const fixture = (release: string, name: string): Buffer =>
  readFileSync(new URL(`../fixtures/tmux-${release}/control-${name}.txt`, import.meta.url));

function parseAll(bytes: Buffer, cuts: readonly number[] = []): ControlEvent[] {
  const parser = new ControlParser();
  const events: ControlEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.subarray(start, cut)));
    start = cut;
  }
  return events;
}

// Cut points from a small deterministic generator, so every chunking is repeatable.
function randomCuts(length: number, seed: number): number[] {
  let state = seed;
  const cuts: number[] = [];
  for (let at = 0; ;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    at += 1 + (state % 23);
    if (at >= length) return cuts;
    cuts.push(at);
  }
}

const replies = (events: ControlEvent[]): ControlReply[] =>
  events.filter((event): event is ControlReply => event.kind === "reply");

describe.each(RELEASES)("ControlParser on tmux %s's own transcript", (release) => {
  const watch = fixture(release, "watch");

  it("reads the same events however the stream is cut, down to single bytes", () => {
    const whole = parseAll(watch);
    expect(
      parseAll(
        watch,
        Array.from({ length: watch.length - 1 }, (_, index) => index + 1),
      ),
    ).toEqual(whole);
    for (const seed of [1, 2, 3, 4, 5]) expect(parseAll(watch, randomCuts(watch.length, seed))).toEqual(whole);
  });

  it("pairs each %begin with its %end or %error: three from tmux's command line (flags 0), then one per line sent", () => {
    const all = replies(parseAll(watch));
    expect(all.map((reply) => reply.flags)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const sent = all.filter((reply) => reply.flags === 1);
    const numbers = sent.map((reply) => reply.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(sent.map((reply) => reply.ok)).toEqual([true, true, true, true, true, true, false, false, true]);
    expect(sent[1]?.lines).toEqual(["_moor-control attached=1", "a attached=0", "b attached=0"]);
    expect(sent[2]?.lines).toEqual(["_moor-control %2 80x24 bell=0", "a %0 80x24 bell=0", "b %1 100x30 bell=0"]);
    // A ";" chain on one line answers with one block per command.
    expect([sent[3]?.lines, sent[4]?.lines]).toEqual([["one"], ["two"]]);
    expect(sent[5]?.lines).toEqual(["héllo ✓ a\\b"]);
    expect(sent[6]?.lines).toEqual(["parse error: unknown command: no-such-command"]);
    expect(sent[7]?.lines).toEqual(["can't find pane: %99"]);
  });

  it("reads the subscription to every session's panes, sessions coming and going, and the exit", () => {
    const events = parseAll(watch);
    const subscriptions = events.filter((event) => event.kind === "subscription-changed");
    expect(subscriptions.length).toBeGreaterThanOrEqual(3);
    for (const event of subscriptions) {
      expect(event).toMatchObject({ name: "moor", sessionId: "$2", windowId: "-", windowIndex: "-", paneId: "-" });
      expect(event.value).toMatch(/^(?:[\w-]+:%\d+ \d+ 0 [^;]*;\|)+$/);
      expect(event.value).toContain("a:%0 ");
    }
    expect(subscriptions.some((event) => event.value.includes("c:%4 "))).toBe(true);
    expect(events.filter((event) => event.kind === "sessions-changed").length).toBeGreaterThanOrEqual(2);
    expect(events).toContainEqual({ kind: "unlinked-window-add", windowId: "@3" });
    expect(events).toContainEqual({ kind: "unlinked-window-close", windowId: "@4" });
    expect(events).toContainEqual({ kind: "session-changed", sessionId: "$2", name: "_moor-control" });
    expect(events.at(-1)).toEqual({ kind: "exit" });
  });

  it("leaves the user's sessions unattached and the helper gone once the client leaves", () => {
    expect(fixture(release, "after").toString()).toBe("a attached=0\nb attached=0\n");
  });

  it("reads %output and %extended-output back to the exact bytes, and %pause/%continue", () => {
    const events = parseAll(fixture(release, "output"), randomCuts(fixture(release, "output").length, 7));
    const printed = Buffer.from("x\\y\x01\tü \x1b[1mb\x1b[0m\r\n");
    const outputs = events.filter((event) => event.kind === "output");
    expect(outputs.length).toBeGreaterThanOrEqual(3);
    for (const event of outputs) expect(event).toMatchObject({ paneId: "%5", data: printed });
    expect(outputs.some((event) => event.ageMs === undefined)).toBe(true);
    expect(outputs.some((event) => event.ageMs !== undefined)).toBe(true);
    // 3.3a and 3.5a write the %pause and %continue that refresh-client -A causes inside its reply; 3.8 after it.
    const lines = [
      ...events.flatMap((event) => (event.kind === "reply" ? event.lines : [])),
      ...events.map((e) => e.kind),
    ];
    expect(lines.includes("%pause %5") || events.some((event) => event.kind === "pause")).toBe(true);
    expect(lines.includes("%continue %5") || events.some((event) => event.kind === "continue")).toBe(true);
  });
});

describe("ControlParser", () => {
  it("keeps a reply's screen lines verbatim, even those that look like notifications or another block's guard", () => {
    const text = "%begin 1 5 1\n%exit\n%end 1 4 1\n%output %1 x\n%end 1 5 1\n";
    expect(parseAll(Buffer.from(text))).toEqual([
      { kind: "reply", time: 1, number: 5, flags: 1, ok: true, lines: ["%exit", "%end 1 4 1", "%output %1 x"] },
    ]);
  });

  it("reads an %exit with a reason, a line not yet ended as pending, and other notifications by name", () => {
    const parser = new ControlParser();
    expect(parser.push(Buffer.from("%layout-change @1 abcd\n%exit too far behind\n%sessions-chan"))).toEqual([
      { kind: "other", name: "layout-change", rest: "@1 abcd" },
      { kind: "exit", reason: "too far behind" },
    ]);
    expect(parser.push(Buffer.from("ged\n"))).toEqual([{ kind: "sessions-changed" }]);
    expect(parser.push(Buffer.from("%begin 9 9 1\nhalf"))).toEqual([]);
    expect(parser.inReply).toBe(true);
  });

  it("reads an empty subscription value and a pane-scoped one", () => {
    expect(
      parseAll(Buffer.from("%subscription-changed s $1 @2 0 %3 : \n%subscription-changed t $1 - - - : a : b\n")),
    ).toEqual([
      {
        kind: "subscription-changed",
        name: "s",
        sessionId: "$1",
        windowId: "@2",
        windowIndex: "0",
        paneId: "%3",
        value: "",
      },
      {
        kind: "subscription-changed",
        name: "t",
        sessionId: "$1",
        windowId: "-",
        windowIndex: "-",
        paneId: "-",
        value: "a : b",
      },
    ]);
  });
});

describe("unescapeOutput", () => {
  it("turns each \\ooo back into its byte and keeps every other byte, a lone backslash included", () => {
    expect(unescapeOutput(Buffer.from("a\\134b\\015\\012\\033[m\xff", "latin1"))).toEqual(
      Buffer.from("a\\b\r\n\x1b[m\xff", "latin1"),
    );
    expect(unescapeOutput(Buffer.from("end\\"))).toEqual(Buffer.from("end\\"));
    expect(unescapeOutput(Buffer.from("\\9x"))).toEqual(Buffer.from("\\9x"));
  });
});
