import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { killAllSessions, killSession } from "../../../../src/core/sessions/killSession.js";
import { fakeHost, NO_SERVER, NO_SESSION } from "./fakeHost.js";

describe("kill", () => {
  it("ends one session by its exact name, and says an unknown one is not found (exit 5)", async () => {
    const { ctx, session } = fakeHost(() => ({}));
    expect(await killSession(ctx, { host: "b", session: "s" })).toBe("killed");
    expect(session.commands).toEqual([
      expect.stringMatching(/^sh -c .* \.local\/state\/moor\/s tmux -u kill-session -t '=s'$/s) as string,
    ]);
    await expect(killSession(fakeHost(() => NO_SESSION).ctx, { host: "b", session: "s" })).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
    });
  });

  it("forgets a gone session: recorded by moor new, no longer in tmux", async () => {
    const gone = fakeHost(() => ({ ...NO_SERVER, stdout: "recorded\n" }));
    expect(await killSession(gone.ctx, { host: "b", session: "s" })).toBe("forgotten");
  });

  it("lists and stops the server for --all in ONE round trip; no server means nothing to end", async () => {
    const { ctx, session } = fakeHost((command) =>
      command.startsWith("tmux -u list-sessions") ? { stdout: "a\nb\n" } : {},
    );
    expect(await killAllSessions(ctx, "b")).toEqual(["a", "b"]);
    expect(session.commands).toEqual(["tmux -u list-sessions -F '#{session_name}' ';' kill-server"]);
    expect(await killAllSessions(fakeHost(() => NO_SERVER).ctx, "b")).toEqual([]);
  });
});
