import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { LastSeen, lastSeenFile } from "../../../../src/core/overview/lastSeen.js";
import { hostFailure, listHostSessions } from "../../../../src/core/overview/listHosts.js";
import { FakeTmux } from "./fakeTmux.js";

async function answered(host: string) {
  const tmux = new FakeTmux();
  tmux.panes = [{ session: "agent", paneId: "%1", activity: 100, command: "claude" }];
  tmux.screens.set("%1", "╭──╮\n│ Do you want to proceed? secret-token-123 │\n│ ❯ 1. Yes │\n│   2. No │\n");
  return await listHostSessions(host, tmux.run, () => 1_000);
}

describe("what ls last saw of each host", () => {
  const unreachable = (host: string) =>
    hostFailure(host, new MoorError(`${host} unreachable: connection refused`, ExitCode.unreachable));

  it("shows an unreachable host's sessions as last seen, with the time of last contact", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "moor-seen-")), "state", "moor", "seen.json");
    const seen = new LastSeen(file);
    seen.remember([await answered("box"), unreachable("other")], 5_000);
    const shown = seen.fill([unreachable("box"), unreachable("other")]);
    expect(shown[0]).toMatchObject({ host: "box", state: "unreachable", lastContact: 5_000, exitCode: 3 });
    expect(shown[0]?.sessions.map((session) => [session.name, session.state.state, session.state.agent])).toEqual([
      ["agent", "asking", "claude"],
    ]);
    // never seen: nothing to show
    expect(shown[1]).toEqual(unreachable("other"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("keeps no screen text, and leaves hosts that answer or fail otherwise as they are", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "moor-seen-")), "seen.json");
    const seen = new LastSeen(file);
    const box = await answered("box");
    expect(JSON.stringify(box)).toContain("secret-token-123");
    seen.remember([box], 1);
    expect(readFileSync(file, "utf8")).not.toContain("secret-token-123");
    const auth = hostFailure("box", new MoorError("authentication failed", ExitCode.auth));
    expect(seen.fill([auth])).toEqual([auth]);
    expect(seen.fill([box])).toEqual([box]);
  });

  it("ignores a file it cannot read, and forgets hosts not heard from in 30 days", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "moor-seen-")), "seen.json");
    writeFileSync(file, "{ broken");
    const seen = new LastSeen(file);
    expect(seen.fill([unreachable("box")])).toEqual([unreachable("box")]);
    seen.remember([await answered("old")], 0);
    seen.remember([await answered("new")], 31 * 24 * 3600 * 1000);
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toEqual(["new"]);
  });

  it("keeps one file per config dir in the XDG state dir", () => {
    expect(lastSeenFile("/c/one", { XDG_STATE_HOME: "/s" }, "/home/me")).toMatch(
      /^\/s\/moor\/last-seen-[0-9a-f]{16}\.json$/,
    );
    expect(lastSeenFile("/c/one", {}, "/home/me")).toMatch(/^\/home\/me\/\.local\/state\/moor\//);
    expect(lastSeenFile("/c/one", {}, "/h")).not.toBe(lastSeenFile("/c/two", {}, "/h"));
  });
});
