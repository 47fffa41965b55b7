import { MoorError, ExitCode, hostUnreachableError } from "../errors.js";
import { firstLine } from "../text/firstLine.js";

export type ErrorKind = "transient" | "fatal";

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EADDRNOTAVAIL",
  "ERR_STREAM_DESTROYED",
  "ERR_SOCKET_CLOSED",
]);
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

// The one place that decides whether a failure is worth retrying. A refusal by the other side is
// fatal: authentication, host key, bad input, a missing session (all MoorErrors with their exit code,
// or ssh2's client-authentication), no algorithm both ends accept, and a bug in moor. Anything else
// that goes wrong on the way (sockets, timeouts, DNS, and the garbage a half-dead link delivers:
// "Bad packet length", a malformed KEX packet) is network trouble and is retried.
export function classifyError(error: unknown): ErrorKind {
  if (error instanceof MoorError) return error.exitCode === ExitCode.unreachable ? "transient" : "fatal";
  if (!(error instanceof Error)) return "fatal";
  const { code, level } = error as Error & { code?: unknown; level?: unknown };
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return "transient";
  if (level === "client-authentication" || isNoCommonAlgorithm(error)) return "fatal";
  if (PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) return "fatal";
  return "transient";
}

// ssh2's key exchange found no kex, host key, cipher, MAC or compression both ends accept
// ("Handshake failed: no matching C->S cipher"): trying again gets the same answer.
function isNoCommonAlgorithm(error: Error): boolean {
  return isSshError(error) && error.level === "handshake" && /\bno matching\b/i.test(error.message);
}

// The one message for a host that cannot be reached (exit 3), wherever moor gives up on it.
export function unreachableError(label: string, reason: string, cause?: unknown): MoorError {
  return hostUnreachableError(`${label} unreachable: ${reason}`, {
    hint: `check that ${label} is up and reachable; "moor host test ${label}" shows each step`,
    ...(cause === undefined ? {} : { cause }),
  });
}

// Turns whatever a connection attempt threw into the error the user sees: exit 3 for network trouble and
// for ssh refusals without an exit code of their own. Anything else fatal that is not a MoorError is a bug
// in moor: it is returned as it is, for the CLI to report as an internal error (exit 1).
export function toLinkError(error: unknown, label: string): unknown {
  if (error instanceof MoorError) return error;
  const reason = describeNetworkError(error);
  if (classifyError(error) === "transient") {
    return unreachableError(label, reason, error);
  }
  if (!isSshError(error)) return error;
  if (isNoCommonAlgorithm(error)) {
    return hostUnreachableError(`ssh to ${label} failed: ${reason} (no common algorithm)`, {
      hint: `${label}'s sshd and moor share no key exchange, host key, cipher or MAC algorithm; check its sshd_config`,
      cause: error,
    });
  }
  return hostUnreachableError(`ssh to ${label} failed: ${reason}`, { cause: error });
}

// ssh2 marks the errors it raises with the stage they come from ("handshake", "client-authentication").
function isSshError(error: unknown): error is Error & { level: string } {
  return error instanceof Error && typeof (error as Error & { level?: unknown }).level === "string";
}

export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
      return "host name not found (DNS)";
    case "EAI_AGAIN":
      return "DNS lookup failed for now";
    case "ETIMEDOUT":
      return "connection timed out";
    case "ECONNRESET":
      return "connection reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "network unreachable";
    default:
      return firstLine(error.message);
  }
}
