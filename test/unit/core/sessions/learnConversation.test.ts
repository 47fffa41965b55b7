import { describe, expect, it } from "vitest";
import {
  absoluteFolder,
  learnArgv,
  parseConversations,
  parseLedger,
} from "../../../../src/core/sessions/learnConversation.js";
import { agentRules, type LearnSpec } from "../../../../src/state/index.js";

const learnOf = (name: string): LearnSpec => {
  const learn = agentRules().agents.find((agent) => agent.name === name)?.resume?.learn;
  if (learn === undefined) throw new Error(`${name} has no learn rule`);
  return learn;
};

describe("learning a conversation id after launch", () => {
  it("reads Codex's rollout first lines (as 0.171.0 writes them) and opencode's session list", () => {
    const rollout =
      '{"timestamp":"2026-12-06T10:26:24.059Z","type":"session_meta","payload":{"session_id":"01a24ae3-ec0c-7fc1-9c17-f7454787e644","id":"01a24ae3-ec0c-7fc1-9c17-f7454787e644","timestamp":"2026-12-06T10:26:20.843Z","cwd":"/home/moor/proj","originator":"codex-tui","cli_version":"0.171.0"}}';
    expect(parseConversations(`${rollout}\nnot json\n`, learnOf("codex"))).toEqual([
      {
        id: "01a24ae3-ec0c-7fc1-9c17-f7454787e644",
        cwd: "/home/moor/proj",
        created: Date.parse("2026-12-06T10:26:20.843Z"),
      },
    ]);
    const listed = JSON.stringify([
      {
        id: "ses_db519d9a4ffel6Mp5EW1T0CxpB",
        title: "t",
        updated: 2,
        created: 1796552926813,
        directory: "/home/moor/proj",
      },
    ]);
    expect(parseConversations(listed, learnOf("opencode"))).toEqual([
      { id: "ses_db519d9a4ffel6Mp5EW1T0CxpB", cwd: "/home/moor/proj", created: 1796552926813 },
    ]);
  });

  it("runs the agent's own listing in the session's folder, or reads its files changed since the launch", () => {
    const spec = { version: 1 as const, session: "s", cwd: "~/w", windows: [], log: true, createdAt: "" };
    expect(learnArgv(spec, "/opt/opencode", learnOf("opencode"), "SEP").slice(4)).toEqual([
      "SEP",
      ".local/state/moor",
      ".local/state/moor/s/spec.json",
      "~/w",
      "run",
      "/opt/opencode",
      "session",
      "list",
      "--format",
      "json",
    ]);
    expect(learnArgv(spec, "codex", learnOf("codex"), "SEP").slice(8)).toEqual([
      "files",
      ".codex/sessions",
      "rollout-*.jsonl",
    ]);
  });

  it("reads the ledger of every session moor recorded, folders made absolute", () => {
    const spec = (cwd: string | undefined, conversation?: object) =>
      JSON.stringify({
        version: 1,
        session: "x",
        cwd,
        windows: [],
        log: true,
        createdAt: "2026-01-01T00:00:00Z",
        conversation,
      });
    const lines = [
      `a\t1700000000\tconv-1\t${spec("~/w", { agent: "codex" })}`,
      `b\t\t\t${spec(undefined, { agent: "claude", id: "uuid-b" })}`,
      `c\t1\t\t${spec("w")}`,
      "broken\t1\t\t{not json",
    ];
    expect(parseLedger(lines, "/home/u")).toEqual([
      { session: "a", agent: "codex", cwd: "/home/u/w", launched: 1_700_000_000, id: "conv-1" },
      { session: "b", agent: "claude", cwd: "/home/u", launched: Date.parse("2026-01-01T00:00:00Z"), id: "uuid-b" },
    ]);
    expect(absoluteFolder("/srv/x", "/home/u")).toBe("/srv/x");
    expect(absoluteFolder("rel", "/home/u")).toBe("/home/u/rel");
  });
});
