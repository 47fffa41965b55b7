import { describe, expect, it } from "vitest";
import { matchConversation, type LedgerEntry } from "../../../../src/core/sessions/conversationMatch.js";

const entry = (session: string, launched: number, id?: string): LedgerEntry => ({
  session,
  agent: "codex",
  cwd: "/home/u/work",
  launched,
  id,
});
const conversation = (id: string, created: number, cwd = "/home/u/work") => ({ id, cwd, created });

describe("matchConversation", () => {
  const a = entry("a", 10_000);
  const b = entry("b", 20_000);

  it("gives each of two sessions in one folder the conversation begun in its own window", () => {
    const conversations = [conversation("conv-b", 21_000), conversation("conv-a", 12_000)];
    expect(matchConversation(a, [a, b], conversations)).toEqual({ id: "conv-a" });
    expect(matchConversation(b, [a, b], conversations)).toEqual({ id: "conv-b" });
  });

  it("never takes a conversation from before the launch, from another folder, or one another session holds", () => {
    const conversations = [
      conversation("older", 5_000),
      conversation("elsewhere", 12_000, "/home/u/other"),
      conversation("held", 13_000),
    ];
    const result = matchConversation(a, [a, entry("c", 11_000, "held")], conversations);
    expect(result.id).toBeNull();
    expect(result).toMatchObject({ why: expect.stringContaining("/home/u/work") as string });
  });

  it("takes the latest of several in its window (a session that began a new conversation)", () => {
    expect(matchConversation(a, [a], [conversation("first", 11_000), conversation("second", 30_000)])).toEqual({
      id: "second",
    });
  });

  it("ignores sessions of another agent or folder when drawing the windows", () => {
    const other = { ...entry("x", 15_000), agent: "opencode" };
    expect(matchConversation(a, [a, other], [conversation("late", 16_000)])).toEqual({ id: "late" });
  });
});
