import { createConnection } from "node:net";
import { holderIdentity, holderPaths, isOwnSocket, isPrivateDir } from "../holder/paths.js";
import {
  frame,
  lineReader,
  PROTOCOL,
  SERVED_ENV,
  type Reply,
  type Request,
  type RunRequest,
} from "../holder/protocol.js";
import { holderVersion } from "../holder/version.js";
import { holderWanted } from "../holder/wanted.js";
import pkg from "../../package.json" with { type: "json" };
import { scanGlobalOptions } from "./globalOptions.js";

// The thin client: bin/moor.js loads this small bundle (dist/quick.js) first. It prints --version, and hands a
// one-shot command (ls, peek, status, answer, send, capture, kill, note, new, revive) whole to a running background
// holder, which runs it with this client's terminal, environment and standard input (forwarded when the command reads
// it) over its warm links and streams the output back. So a warm command costs Node's start-up and one round trip,
// not loading the CLI, conf and ssh2. Whatever it cannot settle (no holder, another version, help, a prompt) it
// leaves to the full CLI (dist/moor.js), which prints exactly the same; it returns false then, having printed nothing.

const SERVED = new Set(["ls", "peek", "status", "answer", "send", "capture", "kill", "note", "new", "revive"]);
// Commands that change something on a host (type into a pane, make, end or revive a session, write notes): never
// run twice once their first remote command has started.
const TYPES = new Set(["send", "answer", "new", "kill", "revive", "note"]);
const HELLO_DEADLINE_MS = 500;

interface ServedCommand {
  name: string;
  configDir?: string;
  knownHosts?: string;
}

/** True when the command was answered here (the exit code is set); false: run the full CLI. */
export async function quick(args: readonly string[]): Promise<boolean> {
  if (args.length === 1 && args[0] === "--version") {
    process.stdout.write(`${pkg.version}\n`);
    return true;
  }
  const command = servedCommand(args);
  if (!command) return false;
  const identity = holderIdentity(command, process.env);
  if (!holderWanted(identity.configDir, process.env)) return false;
  const paths = holderPaths(identity, process.env);
  if (!isPrivateDir(paths.dir) || !isOwnSocket(paths.socket)) return false;
  const version = holderVersion(new URL("./moor.js", import.meta.url));
  process.stdout.on("error", () => undefined);
  const outcome = await askHolder(paths.socket, version, args, command.name);
  if (outcome.kind === "fallback") return false;
  process.exitCode = outcome.code;
  return true;
}

type Outcome = { kind: "fallback" } | { kind: "done"; code: number };

function askHolder(socketPath: string, version: string, args: readonly string[], name: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let accepted = false;
    let wroteStdout = false;
    let touchedRemote = false;
    let settled = false;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (forwarding) process.stdin.destroy();
      resolve(outcome);
    };
    const lost = (why: string): void => {
      if (settled) return;
      if (afterHolderLoss({ accepted, wroteStdout, touchedRemote, name }) === "run again")
        return settle({ kind: "fallback" });
      process.stderr.write(
        `moor: the background holder went away during ${name} (${why})\nhint: ${TYPES.has(name) ? "what it did may or may not have happened: look with moor ls or moor peek before doing it again" : "run the command again"}\n`,
      );
      settle({ kind: "done", code: 3 });
    };
    const timer = setTimeout(() => settle({ kind: "fallback" }), HELLO_DEADLINE_MS);
    socket.on("error", (error) => lost(error.message));
    socket.on("close", () => lost("its socket closed"));
    socket.on(
      "data",
      lineReader(
        (message) => {
          const reply = message as Reply;
          switch (reply.kind) {
            case "hello":
              if (reply.protocol !== PROTOCOL || reply.version !== version) {
                // It makes way for a holder of this version, which the full CLI starts as it ends.
                socket.write(frame({ id: 1, kind: "stop" }));
                return settle({ kind: "fallback" });
              }
              clearTimeout(timer);
              accepted = true;
              socket.write(frame({ id: 1, kind: "run", args: [...args], env: servedEnv(), tty: ttyOf() }));
              return;
            case "output":
              if (reply.fd === 1) wroteStdout = true;
              (reply.fd === 1 ? process.stdout : process.stderr).write(Buffer.from(reply.data, "base64"));
              return;
            case "remote":
              touchedRemote = true;
              return;
            case "stdin":
              return forwardStdin((request) => socket.write(frame(request)));
            case "exit":
              return settle({ kind: "done", code: reply.code });
            case "fallback":
              return settle({ kind: "fallback" });
            default:
              return;
          }
        },
        () => lost("it said something that is not JSON"),
      ),
    );
    socket.write(frame({ id: 0, kind: "hello", protocol: PROTOCOL, version }));
  });
}

// The holder went away mid-run. A command is run again in full (direct) when that cannot show anything twice nor
// do anything twice: nothing of it reached stdout, and, for a send, no remote command had started (the text may
// have been pasted by then, so it is not sent again: exit 3 with a hint instead).
export function afterHolderLoss(run: {
  accepted: boolean;
  wroteStdout: boolean;
  touchedRemote: boolean;
  name: string;
}): "run again" | "fail" {
  if (!run.accepted) return "run again";
  if (run.wroteStdout) return "fail";
  return TYPES.has(run.name) && run.touchedRemote ? "fail" : "run again";
}

// `[globals] COMMAND [args]` where COMMAND is served and nothing asks for help, a "--", or standard input.
export function servedCommand(args: readonly string[]): ServedCommand | undefined {
  const { configDir, knownHosts, incomplete, rest } = scanGlobalOptions(args);
  const [name, ...after] = rest;
  if (incomplete || name === undefined || !SERVED.has(name)) return undefined;
  if (after.some((arg) => arg === "-h" || arg === "--help" || arg === "--")) return undefined;
  if (touchesLocalFiles(name, after)) return undefined;
  return {
    name,
    ...(configDir === undefined ? {} : { configDir }),
    ...(knownHosts === undefined ? {} : { knownHosts }),
  };
}

// What runs here, on this terminal and in this directory: note --edit (an editor), note --set FILE (reads a file) and
// capture -o FILE (writes one). note --set - reads standard input, which is forwarded.
function touchesLocalFiles(name: string, rest: readonly string[]): boolean {
  return rest.some((arg, index) => {
    if (name === "capture") return arg === "-o" || arg.startsWith("-o") || arg.startsWith("--output");
    if (name !== "note") return false;
    if (arg === "--edit") return true;
    if (arg === "--set") return rest[index + 1] !== "-";
    return arg.startsWith("--set=") && arg !== "--set=-";
  });
}

// The run reads standard input (send -, note --set -): this client's goes to the holder as it is read, then its end.
let forwarding = false;

function forwardStdin(write: (request: Request) => void): void {
  if (forwarding) return;
  forwarding = true;
  process.stdin.on("data", (chunk: Buffer) => write({ id: 1, kind: "stdin", data: chunk.toString("base64") }));
  process.stdin.on("end", () => write({ id: 1, kind: "stdin", end: true }));
  process.stdin.on("error", () => write({ id: 1, kind: "stdin", end: true }));
}

function servedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && SERVED_ENV.test(key)) env[key] = value;
  return env;
}

function ttyOf(): RunRequest["tty"] {
  const { stdout, stderr, stdin } = process;
  return {
    stdout: Boolean(stdout.isTTY),
    stderr: Boolean(stderr.isTTY),
    stdin: Boolean(stdin.isTTY),
    ...(stdout.isTTY ? { columns: stdout.columns, rows: stdout.rows } : {}),
  };
}
