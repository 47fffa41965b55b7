import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../src/core/errors.js";
import { classifyError, toLinkError } from "../../../src/link/classifyError.js";

const withCode = (code: string): Error => Object.assign(new Error(code), { code });
const withLevel = (level: string, message = "x"): Error => Object.assign(new Error(message), { level });

describe("classifyError", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "EPIPE"])("%s is transient", (code) => {
    expect(classifyError(withCode(code))).toBe("transient");
  });

  it("keepalive and handshake timeouts are transient", () => {
    expect(classifyError(withLevel("client-timeout", "Keepalive timeout"))).toBe("transient");
    expect(classifyError(new Error("Timed out while waiting for handshake"))).toBe("transient");
    expect(classifyError(withLevel("client-socket"))).toBe("transient");
  });

  it("authentication and host key refusals are fatal", () => {
    expect(classifyError(withLevel("client-authentication", "All configured authentication methods failed"))).toBe("fatal");
    expect(classifyError(new MoorError("host key changed", ExitCode.auth))).toBe("fatal");
    expect(classifyError(new MoorError("no such session", ExitCode.notFound))).toBe("fatal");
  });

  it("garbage from a half-dead link is transient (seen: ssh2's plain 'Bad packet length')", () => {
    expect(classifyError(new Error("Bad packet length"))).toBe("transient");
    expect(classifyError(new Error("Connection lost before handshake"))).toBe("transient");
  });

  it("an unreachable MoorError is transient; a bug in moor or a non-error is fatal", () => {
    expect(classifyError(new MoorError("down", ExitCode.unreachable))).toBe("transient");
    expect(classifyError(new TypeError("x is undefined"))).toBe("fatal");
    expect(classifyError("a string")).toBe("fatal");
  });
});

describe("toLinkError", () => {
  it("turns network trouble into exit 3 naming the host", () => {
    const error = toLinkError(withCode("ECONNREFUSED"), "box1");
    expect(error.exitCode).toBe(ExitCode.unreachable);
    expect(error.message).toBe("box1 unreachable: connection refused");
    expect(error.hint).toMatch(/moor host test box1/);
  });

  it("passes a MoorError through unchanged", () => {
    const original = new MoorError("changed", ExitCode.auth);
    expect(toLinkError(original, "box1")).toBe(original);
  });
});
