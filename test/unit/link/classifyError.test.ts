import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../src/errors.js";
import { classifyError, toLinkError } from "../../../src/link/classifyError.js";

const withCode = (code: string): Error => Object.assign(new Error(code), { code });
const withLevel = (level: string, message = "x"): Error => Object.assign(new Error(message), { level });

describe("classifyError", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "EPIPE"])(
    "%s is transient",
    (code) => {
      expect(classifyError(withCode(code))).toBe("transient");
    },
  );

  it("keepalive and handshake timeouts are transient", () => {
    expect(classifyError(withLevel("client-timeout", "Keepalive timeout"))).toBe("transient");
    expect(classifyError(new Error("Timed out while waiting for handshake"))).toBe("transient");
    expect(classifyError(withLevel("client-socket"))).toBe("transient");
  });

  it("authentication and host key refusals are fatal", () => {
    expect(classifyError(withLevel("client-authentication", "All configured authentication methods failed"))).toBe(
      "fatal",
    );
    expect(classifyError(new MoorError("host key changed", ExitCode.auth))).toBe("fatal");
    expect(classifyError(new MoorError("no such session", ExitCode.notFound))).toBe("fatal");
  });

  it("garbage from a half-dead link is transient (seen: ssh2's plain 'Bad packet length')", () => {
    expect(classifyError(new Error("Bad packet length"))).toBe("transient");
    expect(classifyError(new Error("Connection lost before handshake"))).toBe("transient");
    expect(classifyError(withLevel("handshake", "Received malformed KEXINIT"))).toBe("transient");
  });

  it.each(["key exchange algorithm", "host key format", "C->S cipher", "S->C MAC"])(
    "no matching %s is fatal: retrying cannot help",
    (what) => {
      expect(classifyError(withLevel("handshake", `Handshake failed: no matching ${what}`))).toBe("fatal");
    },
  );

  it("an unreachable MoorError is transient; a bug in moor or a non-error is fatal", () => {
    expect(classifyError(new MoorError("down", ExitCode.unreachable))).toBe("transient");
    expect(classifyError(new TypeError("x is undefined"))).toBe("fatal");
    expect(classifyError("a string")).toBe("fatal");
  });
});

describe("toLinkError", () => {
  it("turns network trouble into exit 3 naming the host", () => {
    const error = toLinkError(withCode("ECONNREFUSED"), "box1");
    expect(error).toBeInstanceOf(MoorError);
    expect(error).toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "box1 unreachable: connection refused",
      hint: expect.stringMatching(/moor host test box1/) as unknown,
    });
  });

  it("says no common algorithm when key exchange finds none, with exit 3", () => {
    const cause = withLevel("handshake", "Handshake failed: no matching key exchange algorithm");
    expect(toLinkError(cause, "box1")).toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "ssh to box1 failed: Handshake failed: no matching key exchange algorithm (no common algorithm)",
      cause,
    });
  });

  it("passes a bug in moor (or a thrown non-error) through unchanged, for the CLI to report as internal", () => {
    const bug = new TypeError("x is undefined");
    expect(toLinkError(bug, "box1")).toBe(bug);
    expect(toLinkError("a string", "box1")).toBe("a string");
  });

  it("passes a MoorError through unchanged", () => {
    const original = new MoorError("changed", ExitCode.auth);
    expect(toLinkError(original, "box1")).toBe(original);
  });
});
