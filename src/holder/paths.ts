import { lstatSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { shortHash } from "../text/shortHash.js";

// Where one holder lives: its socket and lock in a private directory, its log in moor's state dir.
export interface HolderPaths {
  dir: string;
  socket: string;
  lock: string;
  log: string;
}

// macOS refuses a Unix socket path of 104 bytes or more; Linux 108.
const MAX_SOCKET_PATH = 99;

export interface HolderIdentity {
  configDir: string;
  knownHostsFile: string;
  home: string;
}

// The holder a command's global options and environment point at, worked out as MoorContext does (--config-dir,
// MOOR_CONFIG_DIR, the XDG config home; --known-hosts, MOOR_KNOWN_HOSTS, ~/.ssh/known_hosts) without loading it.
export function holderIdentity(
  globals: { configDir?: string; knownHosts?: string },
  env: NodeJS.ProcessEnv,
): HolderIdentity {
  const home = homedir();
  const configDir =
    globals.configDir ?? (env.MOOR_CONFIG_DIR || join(env.XDG_CONFIG_HOME ?? join(home, ".config"), "moor"));
  const knownHostsFile = globals.knownHosts ?? (env.MOOR_KNOWN_HOSTS || join(home, ".ssh", "known_hosts"));
  return { configDir, knownHostsFile, home };
}

// One holder per config dir (and known_hosts and home, which decide what it may connect to): a short hash names it.
export function holderPaths(identity: HolderIdentity, env: NodeJS.ProcessEnv): HolderPaths {
  const key = shortHash([resolve(identity.configDir), resolve(identity.knownHostsFile), identity.home].join("\0"));
  const dir = privateDirFor(env);
  const stateHome = env.XDG_STATE_HOME || join(identity.home || homedir(), ".local", "state");
  return {
    dir,
    socket: join(dir, `${key}.sock`),
    lock: join(dir, `${key}.lock`),
    log: join(stateHome, "moor", `holder-${key}.log`),
  };
}

function privateDirFor(env: NodeJS.ProcessEnv): string {
  const uid = process.getuid?.() ?? 0;
  const runtime = env.XDG_RUNTIME_DIR;
  const dir = runtime && runtime.startsWith("/") ? join(runtime, "moor") : join("/tmp", `moor-${String(uid)}`);
  return join(dir, "x".repeat(16) + ".sock").length <= MAX_SOCKET_PATH ? dir : join("/tmp", `moor-${String(uid)}`);
}

// Makes the directory if needed, then checks it is a real directory (not a link) owned by this user and closed to
// everyone else (0700): a socket anyone else could reach or replace would hand them the user's links.
export function ensurePrivateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return isPrivateDir(dir);
}

export function isPrivateDir(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    const uid = process.getuid?.();
    return (
      stat.isDirectory() &&
      !stat.isSymbolicLink() &&
      (uid === undefined || stat.uid === uid) &&
      (stat.mode & 0o077) === 0
    );
  } catch {
    return false;
  }
}

// A socket (not a link or a file) that this user owns.
export function isOwnSocket(path: string): boolean {
  try {
    const stat = lstatSync(path);
    const uid = process.getuid?.();
    return stat.isSocket() && (uid === undefined || stat.uid === uid);
  } catch {
    return false;
  }
}
