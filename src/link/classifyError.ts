import { ExitCode, MoorError } from "../core/errors.js";

export type ErrorKind = "transient" | "fatal";

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN",
  "EHOSTDOWN", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL", "ERR_STREAM_DESTROYED", "ERR_SOCKET_CLOSED",
]);
const TRANSIENT_LEVELS = new Set(["client-socket", "client-timeout", "client-dns", "protocol"]);
const TRANSIENT_TEXT = /timed out|timeout|connection lost|socket|closed|not connected|No response from server/i;

// The one place that decides whether a failure is worth retrying: network trouble is, a refusal by
// the other side (authentication, host key, bad input, a missing session) never is.
export function classifyError(error: unknown): ErrorKind {
  if (error instanceof MoorError) return error.exitCode === ExitCode.unreachable ? "transient" : "fatal";
  if (!(error instanceof Error)) return "fatal";
  const { code, level } = error as Error & { code?: unknown; level?: unknown };
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return "transient";
  if (level === "client-authentication") return "fatal";
  if (typeof level === "string" && TRANSIENT_LEVELS.has(level)) return "transient";
  return TRANSIENT_TEXT.test(error.message) ? "transient" : "fatal";
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
