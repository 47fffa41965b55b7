import { describe, expect, it } from "vitest";
import { linkText } from "../../../../src/cli/watch/linkText.js";
import { NOW, host, timeOfDay } from "./snapshots.js";

const text = (fields: Parameters<typeof host>[1]): string => linkText(host("h", fields), NOW, timeOfDay).text;

describe("linkText", () => {
  it("reads each link state the way the view shows it", () => {
    expect(text({})).toBe("up");
    expect(text({ link: { kind: "idle" } })).toBe("not connected yet");
    expect(text({ link: { kind: "connecting", attempt: 1 } })).toBe("connecting");
    expect(text({ link: { kind: "quiet", lastContact: NOW - 7_900 } })).toBe("quiet for 7s");
    expect(
      text({
        link: { kind: "down", since: NOW - 3_000, lastContact: NOW - 9_000, reason: "Keepalive timeout" },
        downSince: NOW - 3_000,
      }),
    ).toBe("down since 22:13:17, reconnecting (Keepalive timeout)");
    expect(text({ link: { kind: "connecting", attempt: 1 }, downSince: NOW - 3_000 })).toBe(
      "down since 22:13:17, reconnecting, attempt 1",
    );
    expect(
      text({
        link: { kind: "retrying", attempt: 4, nextDelayMs: 8_000, nextAt: NOW + 7_200, reason: "connection refused" },
        downSince: NOW - 60_000,
      }),
    ).toBe("down since 22:12:20, reconnecting, attempt 5, next try in 8s (connection refused)");
    expect(text({ link: { kind: "failed", reason: "host key CHANGED", exitCode: 4 } })).toBe(
      "failed: host key CHANGED",
    );
    expect(text({ link: { kind: "closed" } })).toBe("closed");
    expect(
      text({
        link: { kind: "up", since: NOW, switchedPath: { at: NOW - 3_000, silentMs: 1_460, trigger: "silence" } },
      }),
    ).toBe("up, new path at 22:13:17 (old one silent 1.5s)");
    expect(
      text({ link: { kind: "up", since: NOW, switchedPath: { at: NOW - 3_000, silentMs: 200, trigger: "network" } } }),
    ).toBe("up, new path at 22:13:17 (the laptop's network changed)");
  });
});
