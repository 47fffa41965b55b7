import { describe, expect, it } from "vitest";
import { linkTroubleReporter, linkTroubleText } from "../../../src/cli/linkTrouble.js";

describe("link trouble on stderr", () => {
  it("words a retry as the attempt to come and its delay", () => {
    expect(
      linkTroubleText("box3", { kind: "retrying", attempt: 1, nextDelayMs: 1_000, nextAt: 0, reason: "timed out" }),
    ).toBe("box3: link down, retrying (attempt 2, next in 1 s)");
    expect(linkTroubleText("box3", { kind: "up", since: 0 })).toBeUndefined();
  });

  it("says nothing for a blip shorter than a second, then each retry", () => {
    const said: string[] = [];
    let fire: (() => void) | undefined;
    const report = linkTroubleReporter((message) => said.push(message), {
      set: (fn) => ((fire = fn), () => (fire = undefined)),
    });
    report("box3", { kind: "retrying", attempt: 1, nextDelayMs: 300, nextAt: 0, reason: "x" });
    report("box3", { kind: "up", since: 0 });
    expect(fire).toBeUndefined();
    report("box3", { kind: "retrying", attempt: 1, nextDelayMs: 1_000, nextAt: 0, reason: "x" });
    fire?.();
    report("box3", { kind: "connecting", attempt: 2 });
    report("box3", { kind: "retrying", attempt: 2, nextDelayMs: 2_000, nextAt: 0, reason: "x" });
    expect(said).toEqual([
      "box3: link down, retrying (attempt 2, next in 1 s)",
      "box3: link down, retrying (attempt 3, next in 2 s)",
    ]);
  });

  it("says a silent link at once: quiet and down already mean seconds without a byte", () => {
    const said: string[] = [];
    const report = linkTroubleReporter((message) => said.push(message), { set: () => () => undefined });
    report("box3", { kind: "quiet", lastContact: 0 });
    report("box3", { kind: "down", since: 0, lastContact: 0, reason: "Keepalive timeout" });
    report("box3", { kind: "connecting", attempt: 1 });
    report("box3", { kind: "retrying", attempt: 1, nextDelayMs: 250, nextAt: 0, reason: "Bad packet length" });
    report("box3", { kind: "up", since: 0 });
    expect(said).toEqual([
      "box3: no answer, waiting for the link",
      "box3: link down, reconnecting",
      "box3: link down, retrying (attempt 2, next in 1 s)",
    ]);
  });
});
