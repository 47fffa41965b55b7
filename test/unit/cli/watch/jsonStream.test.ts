import { describe, expect, it } from "vitest";
import type { HostWatch } from "../../../../src/core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { runJsonStream } from "../../../../src/cli/watch/jsonStream.js";
import { NOW, host, session } from "./snapshots.js";

describe("runJsonStream", () => {
  it("writes the whole picture first, then one line per change, and stops the engine on quit", async () => {
    const lines: string[] = [];
    let push: (snapshot: WatchSnapshot) => void = () => undefined;
    let stopped = false;
    const first: WatchSnapshot = {
      at: NOW,
      hosts: [host("a", { link: { kind: "connecting", attempt: 1 }, polled: false })],
    };
    const stream = runJsonStream(
      (onChange): HostWatch => {
        push = onChange;
        return { snapshot: () => first, retryNow: () => undefined, stop: () => void (stopped = true) };
      },
      (line) => lines.push(line),
    );
    expect(lines).toEqual([`{"type":"link","host":"a","at":${NOW},"kind":"connecting","attempt":1}`]);
    push({ at: NOW + 1, hosts: [host("a", { sessions: [session("s", "hi")] })] });
    expect(lines.slice(1).map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(["link", "session"]);
    push({ at: NOW + 2, hosts: [host("a", { sessions: [session("s", "hi")] })] });
    expect(lines).toHaveLength(3);
    stream.quit();
    await stream.done;
    expect(stopped).toBe(true);
  });

  it("ends with the failure's exit code once every host has failed for good, and not before", async () => {
    let push: (snapshot: WatchSnapshot) => void = () => undefined;
    const failed = { kind: "failed" as const, reason: "host key of a changed", exitCode: 4 };
    const first: WatchSnapshot = {
      at: NOW,
      hosts: [host("a", { link: failed }), host("b", { link: { kind: "connecting", attempt: 1 }, polled: false })],
    };
    const stream = runJsonStream(
      (onChange): HostWatch => {
        push = onChange;
        return { snapshot: () => first, retryNow: () => undefined, stop: () => undefined };
      },
      () => undefined,
    );
    let ended = false;
    const outcome = stream.done.then(
      () => "resolved",
      (error: unknown) => error,
    );
    void outcome.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ended).toBe(false);
    push({
      at: NOW + 1,
      hosts: [host("a", { link: failed }), host("b", { link: { ...failed, reason: "auth", exitCode: 4 } })],
    });
    expect(await outcome).toMatchObject({
      exitCode: 4,
      message: expect.stringMatching(/every watched host failed for good; first: host key of a changed/) as string,
    });
  });
});
