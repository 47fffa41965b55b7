import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { learnArgv } from "../../../../src/core/sessions/learnConversation.js";
import {
  createSessionArgv,
  readSessionStateArgv,
  recordConversationIdArgv,
  STATE_EXIT,
} from "../../../../src/core/sessions/remoteState.js";
import { agentRules } from "../../../../src/state/index.js";

// The resume ledger's scripts in a real sh, in a fresh directory standing for the remote home.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "moor-ledger-"));
});

function run(argv: string[], stdin = ""): { code: number | null; stdout: string } {
  const [program = "", ...args] = argv;
  const result = spawnSync(program, args, {
    cwd: home,
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, HOME: home },
  });
  return { code: result.status, stdout: result.stdout };
}

const state = (session: string, ...parts: string[]) => join(home, ".local/state/moor", session, ...parts);
const spec = (session: string, conversation: object) =>
  `${JSON.stringify({ version: 1, session, cwd: "~/w", windows: [], log: true, createdAt: "", conversation }, null, 2)}\n`;

describe("the resume ledger on the remote", () => {
  it("records the launch time with the spec, clears a learned id and the ended mark, and reads them back", () => {
    mkdirSync(join(home, "w"));
    mkdirSync(state("s"), { recursive: true });
    writeFileSync(state("s", "resume-id"), "old\n");
    writeFileSync(state("s", "ended"), "");
    const before = Date.now() - 1000;
    const argv = createSessionArgv({
      session: "s",
      specPath: ".local/state/moor/s/spec.json",
      cwd: "~/w",
      tmuxArgv: ["true"],
    });
    expect(run(argv, spec("s", { agent: "codex" })).code).toBe(0);
    const read = run(readSessionStateArgv("s", "SEP")).stdout.split("\nSEP\n");
    expect(JSON.parse(read[0] ?? "")).toMatchObject({ conversation: { agent: "codex" } });
    expect(Number(read[1])).toBeGreaterThanOrEqual(before);
    expect(read.slice(2)).toEqual(["", ""]);
    expect(existsSync(state("s", "ended"))).toBe(false);
    expect(run(recordConversationIdArgv("s", "conv-1")).code).toBe(0);
    expect(run(readSessionStateArgv("s", "SEP")).stdout.split("\nSEP\n")[2]).toBe("conv-1\n");
    expect(run(readSessionStateArgv("none", "SEP")).code).toBe(STATE_EXIT.missing);
  });

  it("lists every recorded session and the agent's conversation files changed since this one's launch", () => {
    const learn = agentRules().agents.find((agent) => agent.name === "codex")?.resume?.learn;
    if (learn === undefined) throw new Error("codex has no learn rule");
    for (const [session, launched] of [
      ["a", "100"],
      ["b", "200"],
    ] as const) {
      mkdirSync(state(session), { recursive: true });
      writeFileSync(state(session, "spec.json"), spec(session, { agent: "codex" }));
      writeFileSync(state(session, "launched"), `${launched}\n`);
    }
    utimesSync(state("a", "spec.json"), 100, 100);
    const rollouts = join(home, ".codex/sessions/2026/12/06");
    mkdirSync(rollouts, { recursive: true });
    writeFileSync(join(rollouts, "rollout-old.jsonl"), '{"old":1}\n');
    utimesSync(join(rollouts, "rollout-old.jsonl"), 50, 50);
    writeFileSync(join(rollouts, "rollout-new.jsonl"), '{"payload":{"id":"n"}}\n{"second":"line"}\n');
    const { code, stdout } = run(
      learnArgv({ version: 1, session: "a", windows: [], log: true, createdAt: "" }, "codex", learn, "SEP"),
    );
    expect(code).toBe(0);
    const [ledger = "", files = ""] = stdout.split("\nSEP\n");
    const [printedHome, ...sessions] = ledger.split("\n");
    expect(printedHome).toBe(home);
    expect(sessions.map((line) => line.split("\t").slice(0, 3))).toEqual([
      ["a", "100", ""],
      ["b", "200", ""],
    ]);
    expect(JSON.parse(sessions[0]?.split("\t")[3] ?? "")).toMatchObject({ session: "a" });
    expect(files).toBe('{"payload":{"id":"n"}}\n');
    expect(readFileSync(state("a", "spec.json"), "utf8")).toBe(spec("a", { agent: "codex" }));
  });
});
