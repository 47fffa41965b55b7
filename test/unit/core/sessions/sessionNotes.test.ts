import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { appendNote, readNotes } from "../../../../src/core/sessions/sessionNotes.js";
import { STATE_EXIT } from "../../../../src/core/sessions/remoteState.js";
import { fakeHost, NO_SERVER } from "./fakeHost.js";

const s = { host: "b", session: "s" };
const MISSING = { code: STATE_EXIT.missing };

describe("session notes", () => {
  it("reads the notes in one round trip when the state folder exists", async () => {
    const { ctx, session } = fakeHost(() => ({ stdout: "a\n" }));
    expect(await readNotes(ctx, s)).toBe("a\n");
    expect(session.commands).toHaveLength(1);
  });

  it("creates the state folder for a tmux session moor did not start", async () => {
    const { ctx, session } = fakeHost((command) =>
      command.includes("mkdir") || command.startsWith("tmux") ? {} : MISSING,
    );
    expect(await readNotes(ctx, s)).toBe("");
    await appendNote(ctx, s, "line");
    expect(session.commands.filter((command) => command.includes("mkdir -p"))).toHaveLength(1);
    expect(session.stdins.at(-1)).toBe("line\n");
  });

  it("is not found (exit 5) with neither a state folder nor a tmux session", async () => {
    const { ctx, session } = fakeHost((command) => (command.startsWith("tmux") ? NO_SERVER : MISSING));
    await expect(appendNote(ctx, s, "x")).rejects.toMatchObject({ exitCode: ExitCode.notFound });
    expect(session.commands.some((command) => command.includes("mkdir"))).toBe(false);
  });
});
