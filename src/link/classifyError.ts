import { ExitCode, MoorError } from "../core/errors.js";

export type ErrorKind = "transient" | "fatal";

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN",
  "EHOSTDOWN", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL", "ERR_STREAM_DESTROYED", "ERR_SOCKET_CLOSED",
]);
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

// The one place that decides whether a failure is worth retrying. A refusal by the other side is
// fatal: authentication, host key, bad input, a missing session (all MoorErrors with their exit code,
// or ssh2's client-authentication), and so is a bug in moor. Anything else that goes wrong on the
// way (sockets, timeouts, DNS, and the garbage a half-dead link delivers: "Bad packet length") is
// network trouble and is retried.
export function classifyError(error: unknown): ErrorKind {
  if (error instanceof MoorError) return error.exitCode === ExitCode.unreachable ? "transient" : "fatal";
  if (!(error instanceof Error)) return "fatal";
  const { code, level } = error as Error & { code?: unknown; level?: unknown };
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return "transient";
  if (level === "client-authentication") return "fatal";
  if (PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) return "fatal";
  return "transient";
}

// Turns whatever a connection attempt threw into the error the user sees (exit 3 for network trouble).
export function toLinkError(error: unknown, label: string): MoorError {
  if (error instanceof MoorError) return error;
  const reason = describeNetworkError(error);
  if (classifyError(error) === "transient") {
    return new MoorError(`${label} unreachable: ${reason}`, ExitCode.unreachable, {
      hint: `check that ${label} is up and reachable; "moor host test ${label}" shows each step`,
      cause: error,
    });
  }
  return new MoorError(`ssh to ${label} failed: ${reason}`, ExitCode.unreachable, { cause: error });
}

export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  switch (code) {
    case "ECONNREFUSED": return "connection refused";
    case "ENOTFOUND": return "host name not found (DNS)";
    case "EAI_AGAIN": return "DNS lookup failed for now";
    case "ETIMEDOUT": return "connection timed out";
    case "ECONNRESET": return "connection reset";
    case "EHOSTUNREACH": case "ENETUNREACH": return "network unreachable";
    default: return error.message.split("\n")[0] ?? error.message;
  }
}
