import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itemBytes, Outbox, SETTLE_MS } from "../../../../src/core/outbox/outbox.js";
import { outboxFile } from "../../../../src/core/outbox/outboxFile.js";
import { ExitCode, MoorError } from "../../../../src/errors.js";

const NOW = 1_700_000_000_000;

function makeOutbox(alive: (pid: number) => boolean = () => true, now = () => NOW) {
  const dir = mkdtempSync(join(tmpdir(), "moor-outbox-"));
  return new Outbox(outboxFile(dir), { alive, now });
}

const add = (outbox: Outbox, target: string, text: string) =>
  outbox.add({ target, text: Buffer.from(text), enter: true });

describe("the outbox file", () => {
  it("keeps items in order, with id, target, exact text, queued-at and state, in a 0600 file", () => {
    const outbox = makeOutbox();
    const first = add(outbox, "gpu1:fix", "it's $HOME\n“quoted” ✓");
    const second = add(outbox, "gpu1:fix", "second");
    expect(first).toMatchObject({
      target: "gpu1:fix",
      state: "queued",
      enter: true,
      queuedAt: new Date(NOW).toISOString(),
    });
    expect(first.id).toMatch(/^q[0-9a-f]{6}$/);
    expect(first.id).not.toBe(second.id);
    const reread = new Outbox(outbox.file, { alive: () => true }).list();
    expect(reread.map((item) => item.id)).toEqual([first.id, second.id]);
    expect(itemBytes(reread[0]!).toString()).toBe("it's $HOME\n“quoted” ✓");
    expect(statSync(outbox.file).mode & 0o777).toBe(0o600);
  });

  it("keeps bytes that are not UTF-8 exactly", () => {
    const outbox = makeOutbox();
    const bytes = Buffer.from([0xff, 0xfe, 0x41, 0x0a]);
    const item = outbox.add({ target: "h:s", text: bytes, enter: false });
    expect(item.text).toBeUndefined();
    expect(itemBytes(outbox.list()[0]!)).toEqual(bytes);
  });

  it("a corrupted file is one clear error, and is never rewritten", () => {
    const outbox = makeOutbox();
    add(outbox, "gpu1:fix", "keep me");
    const broken = readFileSync(outbox.file, "utf8").slice(0, -20);
    writeFileSync(outbox.file, broken);
    for (const act of [() => outbox.list(), () => add(outbox, "gpu1:fix", "x"), () => outbox.remove(["q000000"])]) {
      let caught: unknown;
      try {
        act();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MoorError);
      expect((caught as MoorError).exitCode).toBe(ExitCode.usage);
      expect((caught as MoorError).message).toMatch(/^cannot read moor's outbox .*outbox\.json: /);
      expect((caught as MoorError).message).not.toContain("\n");
      expect((caught as MoorError).hint).toMatch(/left it untouched/);
    }
    expect(readFileSync(outbox.file, "utf8")).toBe(broken);
  });

  it("a file of the wrong shape is refused too, naming the item", () => {
    const outbox = makeOutbox();
    writeFileSync(outbox.file, JSON.stringify({ version: 1, items: [{ id: "q1", target: "h:s" }] }));
    expect(() => outbox.list()).toThrow(/item 1: "queuedAt" is not a string/);
  });

  it("rm removes the known ids and is exit 5 naming the unknown ones", () => {
    const outbox = makeOutbox();
    const first = add(outbox, "h:s", "one");
    const second = add(outbox, "h:s", "two");
    expect(() => outbox.remove([first.id, "qnope00"])).toThrow(
      expect.objectContaining({ exitCode: ExitCode.notFound, message: "no such item in the outbox: qnope00" }),
    );
    expect(outbox.list().map((item) => item.id)).toEqual([second.id]);
  });
});

describe("claims: each item typed exactly once, in order per target", () => {
  it("claims the first item of a target; a second claimant finds it busy", () => {
    const outbox = makeOutbox();
    const first = add(outbox, "h:s", "one");
    add(outbox, "h:s", "two");
    add(outbox, "h:other", "other");
    const claim = outbox.claim("h:s", 0);
    expect(claim).toMatchObject({
      kind: "claimed",
      item: { id: first.id, state: "sending", claim: { pid: process.pid } },
    });
    expect(outbox.claim("h:s", 0)).toMatchObject({ kind: "busy", item: { id: first.id } });
    expect(outbox.claim("h:other", 0)).toMatchObject({ kind: "claimed" });
  });

  it("an item whose claimant died is interrupted: never typed again, listed as such", () => {
    let alive = true;
    const outbox = makeOutbox(() => alive);
    add(outbox, "h:s", "one");
    outbox.claim("h:s", 0);
    alive = false;
    expect(outbox.claim("h:s", 0)).toMatchObject({ kind: "interrupted" });
    expect(outbox.interrupted(outbox.list()[0]!)).toBe(true);
  });

  it("release puts an item back first in line; abandon keeps it out of the line", () => {
    const outbox = makeOutbox();
    const first = add(outbox, "h:s", "one");
    outbox.claim("h:s", 0);
    outbox.release(first.id);
    expect(outbox.claim("h:s", 0)).toMatchObject({ kind: "claimed", item: { id: first.id } });
    outbox.abandon(first.id);
    expect(outbox.claim("h:s", 0)).toMatchObject({ kind: "interrupted", item: { id: first.id } });
  });

  it("after a delivery, the next item waits until the session's waiting began after it (or SETTLE_MS)", () => {
    let now = NOW;
    const outbox = makeOutbox(
      () => true,
      () => now,
    );
    const first = add(outbox, "h:s", "one");
    const second = add(outbox, "h:s", "two");
    const claim = outbox.claim("h:s", NOW - 60_000);
    if (claim.kind !== "claimed") throw new Error("not claimed");
    outbox.delivered(claim.item);
    expect(outbox.list().map((item) => item.id)).toEqual([second.id]);
    expect(first.id).not.toBe(second.id);
    now += 500;
    expect(outbox.claim("h:s", NOW - 60_000)).toMatchObject({ kind: "settling" });
    expect(outbox.claim("h:s", NOW + 5_000)).toMatchObject({ kind: "claimed", item: { id: second.id } });
    outbox.release(second.id);
    now = NOW + SETTLE_MS + 1;
    expect(outbox.claim("h:s", NOW - 60_000)).toMatchObject({ kind: "claimed" });
  });
});
