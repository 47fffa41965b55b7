import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { withFirstContact } from "../../../../src/core/sessions/firstContact.js";
import type { LinkState } from "../../../../src/link/linkState.js";

const retrying = (attempt: number): LinkState => ({
  kind: "retrying",
  attempt,
  nextDelayMs: 500,
  nextAt: 0,
  reason: "connection refused",
});

describe("withFirstContact", () => {
  it("gives up with exit 3 when a host that was never reached keeps failing", async () => {
    const link = { label: "box", events: new EventEmitter<{ state: [LinkState] }>() };
    const work = withFirstContact(link, new Promise(() => undefined), 3);
    for (const attempt of [1, 2, 3, 4]) link.events.emit("state", retrying(attempt));
    await expect(work).rejects.toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "box unreachable: connection refused",
    });
    expect(link.events.listenerCount("state")).toBe(0);
  });

  it("lets the work wait through later drops once the link has been up", async () => {
    const link = { label: "box", events: new EventEmitter<{ state: [LinkState] }>() };
    let finish: (value: string) => void = () => undefined;
    const work = withFirstContact(link, new Promise<string>((resolve) => (finish = resolve)), 1);
    link.events.emit("state", { kind: "up", since: 0 });
    for (const attempt of [1, 2, 3]) link.events.emit("state", retrying(attempt));
    finish("done");
    await expect(work).resolves.toBe("done");
  });
});
