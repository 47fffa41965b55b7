import { describe, expect, it } from "vitest";
import { afterHolderLoss, servedCommand } from "../../../src/cli/quickClient.js";

// Which command lines the thin client hands whole to the background holder; everything else runs the full CLI.
describe("the thin client's served commands", () => {
  it("takes ls, peek, status and send, with the global options before or after the command", () => {
    expect(servedCommand(["ls"])).toEqual({ name: "ls" });
    expect(servedCommand(["-v", "--config-dir", "/c", "ls", "--json", "gpu1"])).toEqual({
      name: "ls",
      configDir: "/c",
    });
    expect(servedCommand(["peek", "gpu1:s", "-n", "40", "--known-hosts=/k"])).toEqual({
      name: "peek",
      knownHosts: "/k",
    });
    expect(servedCommand(["status", "gpu1:s", "--json"])).toEqual({ name: "status" });
    expect(servedCommand(["send", "gpu1:s", "make", "the", "tests", "pass"])).toEqual({ name: "send" });
    expect(servedCommand(["send", "gpu1:s", "--key", "C-c"])).toEqual({ name: "send" });
    expect(servedCommand(["send", "gpu1:s", "--no-enter", "--key=Enter"])).toEqual({ name: "send" });
  });

  it("leaves help, other commands, unknown leading options and a bare -- to the full CLI", () => {
    for (const args of [
      [],
      ["--help"],
      ["ls", "-h"],
      ["watch"],
      ["attach", "a:b"],
      ["logs", "a:b"],
      ["--bogus", "ls"],
      ["ls", "--", "x"],
      ["--config-dir"],
      ["--config-dir=", "ls"],
      ["host", "ls"],
    ]) {
      expect(servedCommand(args), args.join(" ")).toBeUndefined();
    }
  });

  it("takes every one-shot verb whole, a send or note reading standard input too (the client forwards it)", () => {
    for (const name of ["capture", "kill", "note", "new", "revive", "answer"])
      expect(servedCommand([name, "gpu1:s"]), name).toEqual({ name });
    expect(servedCommand(["send", "gpu1:s"])).toEqual({ name: "send" });
    expect(servedCommand(["send", "gpu1:s", "-"])).toEqual({ name: "send" });
    expect(servedCommand(["note", "gpu1:s", "--set", "-"])).toEqual({ name: "note" });
    expect(servedCommand(["note", "gpu1:s", "--set=-"])).toEqual({ name: "note" });
  });

  it("leaves note --edit (an editor on this terminal), note --set FILE and capture -o FILE (paths from this directory) to the full CLI", () => {
    for (const output of [["-o", "out.txt"], ["-oout.txt"], ["--output", "out.txt"], ["--output=out.txt"]])
      expect(servedCommand(["capture", "gpu1:s", ...output]), output.join(" ")).toBeUndefined();
    expect(servedCommand(["capture", "gpu1:s", "--all"])).toEqual({ name: "capture" });
    expect(servedCommand(["note", "gpu1:s", "--edit"])).toBeUndefined();
    expect(servedCommand(["note", "gpu1:s", "--set", "handover.md"])).toBeUndefined();
    expect(servedCommand(["note", "gpu1:s", "--set=handover.md"])).toBeUndefined();
  });
});

describe("when the holder goes away in the middle of a run", () => {
  const lost = (name: string, state: { accepted?: boolean; wroteStdout?: boolean; touchedRemote?: boolean }) =>
    afterHolderLoss({ accepted: true, wroteStdout: false, touchedRemote: false, name, ...state });

  it("runs a command again in full while nothing of it reached stdout", () => {
    expect(lost("ls", { accepted: false })).toBe("run again");
    expect(lost("ls", { touchedRemote: true })).toBe("run again");
    expect(lost("peek", {})).toBe("run again");
    expect(lost("ls", { wroteStdout: true })).toBe("fail");
  });

  it("sends again only if no remote command of the send had started, so the text never arrives twice", () => {
    expect(lost("send", {})).toBe("run again");
    expect(lost("send", { touchedRemote: true })).toBe("fail");
    expect(lost("send", { accepted: false, touchedRemote: true })).toBe("run again");
    for (const name of ["new", "kill", "revive", "answer"])
      expect(lost(name, { touchedRemote: true }), name).toBe("fail");
  });
});
