import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deliverFirst } from "../../../../src/core/outbox/deliverOutbox.js";
import { itemBytes, Outbox } from "../../../../src/core/outbox/outbox.js";
import { outboxCourier } from "../../../../src/core/outbox/outboxCourier.js";
import { outboxFile, type OutboxItem } from "../../../../src/core/outbox/outboxFile.js";
import type { DeliveryOutcome } from "../../../../src/core/outbox/deliverOutbox.js";
import { hostUnreachableError, notFoundError, remoteError } from "../../../../src/errors.js";
import type { SessionState } from "../../../../src/state/index.js";
import { host, NOW, session } from "../../cli/watch/snapshots.js";
import { tracked } from "../../fakes/trackedState.js";

function makeOutbox(): Outbox {
  return new Outbox(outboxFile(mkdtempSync(join(tmpdir(), "moor-outbox-"))), { alive: () => true });
}

const look = (state: SessionState, since = NOW - 60_000) => ({ state: tracked(state, { agent: "claude", since }) });

function typist(fail?: Error) {
  const typed: string[] = [];
  return {
    typed,
    type: (item: OutboxItem): Promise<void> => {
      if (fail !== undefined) return Promise.reject(fail);
      typed.push(itemBytes(item).toString());
      return Promise.resolve();
    },
  };
}

describe("deliverFirst", () => {
  it("types the first item into a waiting session and removes it", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    outbox.add({ target: "h:s", text: Buffer.from("two"), enter: true });
    const { typed, type } = typist();
    const outcome = await deliverFirst(outbox, "h:s", look("waiting"), { type });
    expect(outcome).toMatchObject({ kind: "sent", item: { target: "h:s", text: "one" } });
    expect(typed).toEqual(["one"]);
    expect(outbox.list().map((item) => item.text)).toEqual(["two"]);
  });

  it.each([
    ["working", "agent working"],
    ["asking", "agent asking (answer it with moor answer)"],
    ["exited", "session is exited, not waiting at an agent's prompt"],
  ] as const)("never types into a session that is %s, and says why", async (state, why) => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    const { typed, type } = typist();
    expect(await deliverFirst(outbox, "h:s", look(state), { type })).toMatchObject({ kind: "waiting", why });
    expect(typed).toEqual([]);
    expect(outbox.list()).toHaveLength(1);
  });

  it("a dark host and a gone session keep the item queued, said so", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    const { type } = typist();
    const dark = await deliverFirst(
      outbox,
      "h:s",
      { error: hostUnreachableError("h unreachable: timed out") },
      { type },
    );
    expect(dark).toMatchObject({ kind: "waiting", why: "host dark (h unreachable: timed out)" });
    const gone = await deliverFirst(outbox, "h:s", { error: notFoundError("h:s: no such session") }, { type });
    expect(gone).toMatchObject({ kind: "waiting", why: "session gone (kept queued)" });
    expect(outbox.list()).toMatchObject([{ state: "queued" }]);
  });

  it("a host that went dark before typing puts the item back; a link that dropped mid-type does not retype it", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    const never = typist(hostUnreachableError("h unreachable: connection refused"));
    expect(await deliverFirst(outbox, "h:s", look("waiting"), never)).toMatchObject({ kind: "failed" });
    expect(outbox.list()).toMatchObject([{ state: "queued" }]);
    const dropped = typist(hostUnreachableError("the link to h dropped while running tmux -u"));
    expect(await deliverFirst(outbox, "h:s", look("waiting"), dropped)).toMatchObject({ kind: "failed" });
    const { typed, type } = typist();
    const outcome = await deliverFirst(outbox, "h:s", look("waiting"), { type });
    expect(outcome?.kind).toBe("waiting");
    expect(outcome?.kind === "waiting" && outcome.why).toMatch(
      /^typing it was interrupted, it may have arrived: look with "moor peek h:s"/,
    );
    expect(typed).toEqual([]);
  });

  it("a send refused before typing (a half-written draft in the box) keeps the item queued; typed-not-submitted does not", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    const draft = typist(remoteError("h:s: box has a half-written prompt: 'wip'; --force to add to it"));
    expect(await deliverFirst(outbox, "h:s", look("waiting"), draft)).toMatchObject({ kind: "failed" });
    expect(outbox.list()).toMatchObject([{ state: "queued" }]);
    const unsent = typist(remoteError("h:s: typed but not submitted"));
    expect(await deliverFirst(outbox, "h:s", look("waiting"), unsent)).toMatchObject({ kind: "failed" });
    expect(outbox.interrupted(outbox.list()[0]!)).toBe(true);
  });

  it("two deliverers at once type an item exactly once", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "h:s", text: Buffer.from("one"), enter: true });
    const { typed, type } = typist();
    let release = (): void => undefined;
    const slow = (item: OutboxItem) => new Promise<void>((resolve) => (release = resolve)).then(() => type(item));
    const first = deliverFirst(outbox, "h:s", look("waiting"), { type: slow });
    const second = await deliverFirst(outbox, "h:s", look("waiting"), { type });
    expect(second).toMatchObject({ kind: "waiting", why: "being typed by another moor" });
    release();
    expect(await first).toMatchObject({ kind: "sent" });
    expect(typed).toEqual(["one"]);
  });
});

describe("outboxCourier: delivery fed by watch snapshots", () => {
  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  }

  it("types only into waiting sessions of hosts whose link is up, one per target, in order", async () => {
    const outbox = makeOutbox();
    outbox.add({ target: "gpu1:a", text: Buffer.from("a1"), enter: true });
    outbox.add({ target: "gpu1:a", text: Buffer.from("a2"), enter: true });
    outbox.add({ target: "gpu1:b", text: Buffer.from("b1"), enter: true });
    outbox.add({ target: "lab:c", text: Buffer.from("c1"), enter: true });
    const { typed, type } = typist();
    const outcomes: DeliveryOutcome[] = [];
    const courier = outboxCourier({ outbox, type, onOutcome: (o) => outcomes.push(o), report: () => undefined });
    const waiting = tracked("waiting", { since: NOW - 60_000 });
    courier.observe({
      at: NOW,
      hosts: [
        host("gpu1", {
          sessions: [session("a", "", { state: waiting }), session("b", "", { state: tracked("working") })],
        }),
        host("lab", {
          link: { kind: "retrying", attempt: 2, nextDelayMs: 1_000, nextAt: NOW + 1_000, reason: "timed out" },
          sessions: [session("c", "", { state: waiting })],
        }),
      ],
    });
    await settle();
    expect(typed).toEqual(["a1"]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["sent"]);
    // The same poll again: the turn a1 started has not shown yet, so a2 waits.
    courier.observe({ at: NOW, hosts: [host("gpu1", { sessions: [session("a", "", { state: waiting })] })] });
    await settle();
    expect(typed).toEqual(["a1"]);
    expect(outbox.list().map((item) => item.text)).toEqual(["a2", "b1", "c1"]);
  });

  it("reports an unreadable outbox once, and keeps going", () => {
    const outbox = makeOutbox();
    outbox.add({ target: "gpu1:a", text: Buffer.from("a1"), enter: true });
    const problems: string[] = [];
    const broken = new Outbox(join(outbox.file, "..", "missing", ".."), { alive: () => true });
    const courier = outboxCourier({
      outbox: broken,
      type: typist().type,
      onOutcome: () => undefined,
      report: (p) => problems.push(p),
    });
    courier.observe({ at: NOW, hosts: [] });
    courier.observe({ at: NOW, hosts: [] });
    expect(problems).toHaveLength(1);
  });
});
