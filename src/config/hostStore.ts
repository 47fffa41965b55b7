import Conf from "conf";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { homedir } from "node:os";
import { MoorError, ExitCode } from "../errors.js";
import { hostRecordSchema, type HostRecord } from "./hostRecord.js";

interface StoreShape {
  hosts: Record<string, HostRecord>;
}

// The host registry on disk (the only module that imports conf): mode 0600, schema-checked,
// and never rewritten when it cannot be read, so a hand-broken file is reported, not lost.
// Every write happens under a lock file, so concurrent moor processes never lose each other's hosts.
export class HostStore {
  readonly #conf: Conf<StoreShape>;
  readonly #lockPath: string;

  constructor(configDir: string) {
    const file = join(configDir, "hosts.json");
    this.#lockPath = `${file}.lock`;
    // conf writes the defaults when the file is missing, which must not overwrite another moor's first host.
    this.#conf = existsSync(file) ? openConf(configDir, file) : withFileLock(this.#lockPath, () => openConf(configDir, file));
  }

  get path(): string {
    return this.#conf.path;
  }

  list(): HostRecord[] {
    return Object.values(this.#conf.get("hosts")).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): HostRecord | undefined {
    return Object.hasOwn(this.#conf.get("hosts"), name) ? this.#conf.get("hosts")[name] : undefined;
  }

  // Both writes read the file again inside the lock, so two moor processes adding hosts at once keep both.
  put(record: HostRecord): void {
    withFileLock(this.#lockPath, () => {
      this.#conf.set("hosts", { ...this.#conf.get("hosts"), [record.name]: record });
    });
  }

  remove(name: string): boolean {
    return withFileLock(this.#lockPath, () => {
      const hosts = { ...this.#conf.get("hosts") };
      if (!Object.hasOwn(hosts, name)) return false;
      delete hosts[name];
      this.#conf.set("hosts", hosts);
      return true;
    });
  }
}

function openConf(configDir: string, file: string): Conf<StoreShape> {
  try {
    return new Conf<StoreShape>({
      cwd: configDir,
      configName: "hosts",
      projectName: "moor",
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      watch: false,
      defaults: { hosts: {} },
      schema: {
        hosts: { type: "object", additionalProperties: hostRecordSchema, default: {} },
      },
    });
  } catch (error) {
    throw new MoorError(`cannot read moor's host registry ${file}: ${firstLine(error)}`, ExitCode.usage, {
      hint: `fix or move the file away (moor left it untouched); then run "moor host add" again`,
      cause: error,
    });
  }
}

// Where the registry lives: --config-dir, then MOOR_CONFIG_DIR, then the XDG config home.
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOOR_CONFIG_DIR) return env.MOOR_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "moor");
}

const LOCK_RETRY_MS = 20;
const LOCK_WAIT_MS = 3_000;
// Longer than any write of the registry takes: a lock this old was left by a moor that died holding it.
const LOCK_STALE_MS = 10_000;

// A cross-process lock: whoever creates the lock file (O_EXCL) holds it. Synchronous, like conf's writes.
function withFileLock<T>(lockPath: string, action: () => T): T {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lockPath, "wx", 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw lockError(lockPath, error);
      if (removeIfStale(lockPath)) continue;
      if (Date.now() >= deadline) throw lockError(lockPath, new Error(`held by another moor for over ${LOCK_WAIT_MS / 1000} s`));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_RETRY_MS);
    }
  }
  try {
    return action();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

// True when the lock is free to take again: gone already, or stale and removed now.
function removeIfStale(lockPath: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lockPath).mtimeMs;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
  if (age < LOCK_STALE_MS) return false;
  rmSync(lockPath, { force: true });
  return true;
}

function lockError(lockPath: string, error: unknown): MoorError {
  return new MoorError(`cannot lock moor's host registry (${lockPath}): ${firstLine(error)}`, ExitCode.usage, {
    hint: `if no other moor is changing hosts, remove ${lockPath}`,
    cause: error,
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
