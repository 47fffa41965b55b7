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
    const first: WatchSnapshot = { at: NOW, hosts: [host("a", { link: { kind: "connecting", attempt: 1 }, polled: false })] };
    const stream = runJsonStream((onChange): HostWatch => {
      push = onChange;
      return { snapshot: () => first, retryNow: () => undefined, stop: () => void (stopped = true) };
    }, (line) => lines.push(line));
    expect(lines).toEqual([`{"type":"link","host":"a","at":${NOW},"kind":"connecting","attempt":1}`]);
    push({ at: NOW + 1, hosts: [host("a", { sessions: [session("s", "hi")] })] });
    expect(lines.slice(1).map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(["link", "session"]);
    push({ at: NOW + 2, hosts: [host("a", { sessions: [session("s", "hi")] })] });
    expect(lines).toHaveLength(3);
    stream.quit();
    await stream.done;
    expect(stopped).toBe(true);
  });
});
