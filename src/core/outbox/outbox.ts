import { randomBytes } from "node:crypto";
import { withFileLock } from "../../config/fileLock.js";
import { notFoundError } from "../../errors.js";
import { readOutbox, writeOutbox, type OutboxContent, type OutboxItem } from "./outboxFile.js";

export interface NewItem {
  target: string;
  text: Buffer;
  enter: boolean;
}

/** What `claim` found for a session's first item: typed by us now, or why not. */
export type Claim =
  | { kind: "claimed"; item: OutboxItem }
  | { kind: "busy"; item: OutboxItem }
  | { kind: "interrupted"; item: OutboxItem }
  | { kind: "settling"; item: OutboxItem }
  | { kind: "empty" };

/** How long a target's next item waits at most for the turn its last item started to show. */
export const SETTLE_MS = 10_000;

const LOCKED = { what: "moor's outbox", changing: "the outbox" };

// The bytes an item types.
export const itemBytes = (item: OutboxItem): Buffer =>
  item.base64 !== undefined ? Buffer.from(item.base64, "base64") : Buffer.from(item.text ?? "", "utf8");

function textFields(text: Buffer): Pick<OutboxItem, "text" | "base64"> {
  const utf8 = text.toString("utf8");
  return Buffer.from(utf8, "utf8").equals(text) ? { text: utf8 } : { base64: text.toString("base64") };
}

// A claimant that died (a holder or command killed mid-type): what it typed is unknown, so the item is not retyped.
export type ProcessAlive = (pid: number) => boolean;

// The outbox: every change is read-modify-write under the outbox's lock file, so a holder, a watch and a flush
// running at once never type one prompt twice: an item is claimed (state "sending", with the claimant's pid)
// before it is typed, and removed once typed.
export class Outbox {
  readonly file: string;
  readonly #alive: ProcessAlive;
  readonly #now: () => number;

  constructor(file: string, options: { alive: ProcessAlive; now?: () => number }) {
    this.file = file;
    this.#alive = options.alive;
    this.#now = options.now ?? Date.now;
  }

  list(): OutboxItem[] {
    return readOutbox(this.file).items;
  }

  add(item: NewItem): OutboxItem {
    return this.#change((content) => {
      const taken = new Set(content.items.map((existing) => existing.id));
      let id = newId();
      while (taken.has(id)) id = newId();
      const added: OutboxItem = {
        id,
        target: item.target,
        ...textFields(item.text),
        enter: item.enter,
        queuedAt: new Date(this.#now()).toISOString(),
        state: "queued",
      };
      content.items.push(added);
      return added;
    });
  }

  /** Removes these items; unknown ids are exit 5 (the known ones are removed, as rm does). */
  remove(ids: readonly string[]): OutboxItem[] {
    const { removed, unknown } = this.#change((content) => {
      const wanted = new Set(ids);
      const gone = content.items.filter((item) => wanted.has(item.id));
      content.items = content.items.filter((item) => !wanted.has(item.id));
      return { removed: gone, unknown: ids.filter((id) => !gone.some((item) => item.id === id)) };
    });
    if (unknown.length > 0)
      throw notFoundError(`no such item in the outbox: ${unknown.join(", ")}`, `"moor outbox ls" lists its items`);
    return removed;
  }

  /** The first item for TARGET, claimed for typing by this process when nobody else has it. WAITING_SINCE (epoch
   *  ms) is when the session's waiting state began: an item typed after that is still being taken (settling). */
  claim(target: string, waitingSince: number): Claim {
    return this.#change((content) => {
      const item = content.items.find((candidate) => candidate.target === target);
      if (item === undefined) return { kind: "empty" };
      const typed = content.typed?.[target];
      if (typed !== undefined && this.#settling(Date.parse(typed), waitingSince)) return { kind: "settling", item };
      if (item.state === "sending") {
        return this.#claimLive(item) ? { kind: "busy", item } : { kind: "interrupted", item };
      }
      item.state = "sending";
      item.claim = { pid: process.pid, at: new Date(this.#now()).toISOString() };
      return { kind: "claimed", item: { ...item } };
    });
  }

  /** The claimed item was typed: it leaves the outbox, and its target's next item waits for the turn to end. */
  delivered(item: OutboxItem): void {
    this.#change((content) => {
      content.items = content.items.filter((candidate) => candidate.id !== item.id);
      const typed = { ...content.typed, [item.target]: new Date(this.#now()).toISOString() };
      const kept = Object.entries(typed).filter(
        ([target, at]) =>
          content.items.some((left) => left.target === target) && this.#now() - Date.parse(at) < SETTLE_MS,
      );
      if (kept.length > 0) content.typed = Object.fromEntries(kept);
      else delete content.typed;
    });
  }

  /** Nothing of the claimed item was typed (the host went dark first): it waits again, first in its line. */
  release(id: string): void {
    this.#change((content) => {
      const item = content.items.find((candidate) => candidate.id === id);
      if (item === undefined) return;
      item.state = "queued";
      delete item.claim;
    });
  }

  /** Typing the claimed item failed part-way: it may have arrived, so it stays out of the line until removed. */
  abandon(id: string): void {
    this.#change((content) => {
      const item = content.items.find((candidate) => candidate.id === id);
      if (item !== undefined) delete item.claim;
    });
  }

  /** The items whose claimant died mid-type, for ls. */
  interrupted(item: OutboxItem): boolean {
    return item.state === "sending" && !this.#claimLive(item);
  }

  // The session's waiting began before (or within a second of) the last item typed into it: that prompt's turn has
  // not visibly started and ended yet. An agent that never shows a turn lets the next one through after SETTLE_MS.
  #settling(typedAt: number, waitingSince: number): boolean {
    return waitingSince < typedAt + 1_000 && this.#now() - typedAt < SETTLE_MS;
  }

  #claimLive(item: OutboxItem): boolean {
    return item.claim !== undefined && item.claim.pid > 0 && this.#alive(item.claim.pid);
  }

  #change<T>(change: (content: OutboxContent) => T): T {
    return withFileLock(`${this.file}.lock`, LOCKED, () => {
      const content = readOutbox(this.file);
      const result = change(content);
      writeOutbox(this.file, content);
      return result;
    });
  }
}

// Short enough to type (`moor outbox rm q7f3a`), random enough for one person's outbox.
const newId = (): string => `q${randomBytes(3).toString("hex")}`;
