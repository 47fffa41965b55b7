import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KILL_ALL_SCRIPT, killAllSessions, killSession } from "../../../../src/core/sessions/killSession.js";
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
      command.includes("tmux -u list-sessions") ? { stdout: "a\nb\n" } : {},
    );
    expect(await killAllSessions(ctx, "b")).toEqual(["a", "b"]);
    expect(session.commands).toEqual([
      expect.stringMatching(
        /^sh -c .* \.local\/state\/moor tmux -u list-sessions -F '#\{session_name\}' ';' kill-server$/s,
      ) as string,
    ]);
    expect(await killAllSessions(fakeHost(() => NO_SERVER).ctx, "b")).toEqual([]);
  });

  it("marks what --all ended as ended (a real sh), only for sessions moor recorded and names that fit its rule", () => {
    const root = mkdtempSync(join(tmpdir(), "moor-kill-all-"));
    for (const name of ["a", "b", "c"]) mkdirSync(join(root, name));
    writeFileSync(join(root, "a", "spec.json"), "{}");
    writeFileSync(join(root, "b", "spec.json"), "{}");
    writeFileSync(join(root, "spec.json"), "{}");
    const run = (...command: string[]) =>
      spawnSync("sh", ["-c", KILL_ALL_SCRIPT, "sh", root, ...command], { encoding: "utf8" });
    const listed = run("printf", "a\\nc\\n..\\nname with space\\n");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toBe("a\nc\n..\nname with space\n");
    expect(["a", "b", "c"].map((name) => existsSync(join(root, name, "ended")))).toEqual([true, false, false]);
    expect(existsSync(join(root, "..", "ended"))).toBe(false);
    const failed = run("sh", "-c", "echo 'no server running' >&2; exit 1");
    expect([failed.status, failed.stdout, failed.stderr]).toEqual([1, "", "no server running\n"]);
  });
});
