import type { LinkState } from "../link/linkState.js";

// What the holder and a thin client say to each other over the socket: one JSON object a line, cut on the newline
// byte (lineReader). Bytes travel as base64. The holder serves one thing, whole one-shot commands (`run`), with the
// client's standard input forwarded when the command reads it; plus its own status and stop.
export const PROTOCOL = 3;

/** A whole one-shot command for the holder to run in its process, over its links (cli/quickClient.ts sends it). */
export interface RunRequest {
  id: number;
  kind: "run";
  /** The command line after `moor`. */
  args: string[];
  /** The client's variables that moor reads (SERVED_ENV), and no others. */
  env: Record<string, string>;
  tty: { stdout: boolean; stderr: boolean; stdin?: boolean; columns?: number; rows?: number };
}

export type Request =
  | { id: number; kind: "hello"; protocol: number; version: string }
  | RunRequest
  /** The client's standard input for run ID, once the holder asked for it: data (base64), then end. */
  | { id: number; kind: "stdin"; data?: string; end?: boolean }
  | { id: number; kind: "status" }
  | { id: number; kind: "stop" };

interface HostStatus {
  host: string;
  link: LinkState["kind"];
  /** epoch ms */
  lastUse: number;
  reason?: string;
}

export interface HolderStatus {
  pid: number;
  version: string;
  /** epoch ms */
  startedAt: number;
  uptimeSeconds: number;
  /** Minutes unused before it exits (Infinity, null in JSON, while it notifies in the background). */
  persistMinutes: number | null;
  /** The hosts it watches to notify with no moor watch open (notify.background), or null when that is off. */
  notifying?: string[] | null;
  /** epoch ms */
  lastUse: number;
  socket: string;
  log: string;
  hosts: HostStatus[];
}

export type Reply =
  | { id: number; kind: "hello"; protocol: number; version: string; pid: number }
  | { id: number; kind: "status"; status: HolderStatus }
  | { id: number; kind: "stopping" }
  /** A served run's output as it is written: fd 1 or 2, base64. */
  | { id: number; kind: "output"; fd: 1 | 2; data: string }
  /** A served run reads its standard input: the client sends it (stdin requests), until its end. */
  | { id: number; kind: "stdin" }
  | { id: number; kind: "exit"; code: number }
  /** A served run's first remote command is starting: from now on it may have changed something on a host. */
  | { id: number; kind: "remote" }
  /** The holder cannot run this command (it would need a prompt, or serves no runs): the client runs it itself.
   *  Nothing of the run has reached stdout. */
  | { id: number; kind: "fallback"; reason: string };

// The variables a served run sees from its client: what moor reads (colour, terminal, its own settings and
// directories, the user's name), never the rest of the client's environment.
export const SERVED_ENV =
  /^(TERM|NO_COLOR|COLORTERM|LANG|LC_[A-Z]+|TZ|USER|LOGNAME|TMUX|SSH_AUTH_SOCK|XDG_CONFIG_HOME|XDG_STATE_HOME|XDG_RUNTIME_DIR|MOOR_[A-Z_]+)$/;

// Splits a byte stream into lines and parses each; a line that is not JSON ends the conversation. Lines are cut on the
// newline byte and decoded whole, never chunk by chunk: a socket read may end inside a character (é is two bytes),
// and a chunk decoded on its own would turn each half into U+FFFD. UTF-8 never uses the byte 0x0A inside a
// character, and JSON escapes the newlines of its strings, so that byte ends a frame and nothing else.
export function lineReader(onMessage: (message: unknown) => void, onBad: () => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  let ended = false;
  return (chunk) => {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE);
    while (newline >= 0 && !ended) {
      pending.push(chunk.subarray(start, newline));
      const line = Buffer.concat(pending).toString("utf8");
      pending = [];
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
      if (line === "") continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        ended = true;
        return onBad();
      }
      onMessage(message);
    }
    if (!ended && start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  };
}

const NEWLINE = 0x0a;

export const frame = (message: Request | Reply): string => `${JSON.stringify(message)}\n`;
