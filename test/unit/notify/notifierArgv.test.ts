import { describe, expect, it } from "vitest";
import { commandPayload } from "../../../src/notify/commandPayload.js";
import { notifierArgv } from "../../../src/notify/notifierArgv.js";

const text = { title: `moor: "a" \\ 'b'`, body: "body" };

describe("notifierArgv", () => {
  it("passes the text as data to each notifier", () => {
    expect(notifierArgv("notify-send", text)).toEqual(["notify-send", "--app-name=moor", text.title, "body"]);
    expect(notifierArgv("terminal-notifier", text)).toEqual([
      "terminal-notifier",
      "-title",
      text.title,
      "-message",
      "body",
      "-group",
      "moor",
    ]);
    expect(notifierArgv("osascript", text)).toEqual([
      "osascript",
      "-e",
      `display notification "body" with title "moor: \\"a\\" \\\\ 'b'"`,
    ]);
    const powershell = notifierArgv("powershell.exe", text);
    expect(powershell.slice(0, 4)).toEqual(["powershell.exe", "-NoProfile", "-NonInteractive", "-Command"]);
    expect(powershell[4]).toContain(`CreateTextNode('moor: "a" \\ ''b''')`);
  });
});

describe("commandPayload", () => {
  it("gives the same facts as MOOR_* variables and as JSON", () => {
    const change = {
      target: "gpu1:a",
      host: "gpu1",
      session: "a",
      state: "exited",
      previous: "working",
      agent: undefined,
      reason: "exited with status 3",
      excerpt: ["one", "two"],
      at: 0,
    };
    const payload = commandPayload(change);
    expect(payload.env).toEqual({
      MOOR_TARGET: "gpu1:a",
      MOOR_HOST: "gpu1",
      MOOR_SESSION: "a",
      MOOR_STATE: "exited",
      MOOR_PREVIOUS: "working",
      MOOR_AGENT: "",
      MOOR_REASON: "exited with status 3",
      MOOR_EXCERPT: "one\ntwo",
      MOOR_QUESTION: "",
    });
    expect(JSON.parse(payload.json)).toEqual({
      target: "gpu1:a",
      host: "gpu1",
      session: "a",
      state: "exited",
      previous: "working",
      agent: null,
      reason: "exited with status 3",
      excerpt: "one\ntwo",
      question: null,
      at: "1970-01-01T00:00:00.000Z",
    });
  });

  it("gives an asking session's question and options as MOOR_QUESTION and question", () => {
    const question = "Allow edit to app.ts?\n1. Yes\n2. No";
    const payload = commandPayload({
      host: "gpu1",
      session: "a",
      target: "gpu1:a",
      state: "asking",
      previous: "working",
      agent: "claude",
      reason: "a permission dialog is on screen",
      excerpt: [],
      question,
      at: 0,
    });
    expect(payload.env.MOOR_QUESTION).toBe(question);
    expect((JSON.parse(payload.json) as { question: string }).question).toBe(question);
  });
});
