import { readFileSync } from "node:fs";
import { join } from "node:path";
import { usageError, type MoorError } from "../errors.js";
import { openConfFile, type ConfFile } from "./confFile.js";
import { errorLine, withFileLock } from "./fileLock.js";
import { hostRecordSchema, type HostRecord } from "./hostRecord.js";
import { schemaProblem } from "./jsonCheck.js";

const REGISTRY = { what: "moor's host registry", changing: "hosts" };

type StoreShape = { hosts: Record<string, HostRecord> };

const REGISTRY_SCHEMA = { hosts: { type: "object", additionalProperties: hostRecordSchema, default: {} } } as const;

// The host registry on disk: mode 0600, schema-checked,
// and never rewritten when it cannot be read, so a hand-broken file is reported, not lost.
// Reads parse the file and check it (jsonCheck.ts) each time, so they see other moors' changes and cost no schema
// compiling; writes go through conf under a lock file, so concurrent moor processes never lose each other's hosts.
export class HostStore {
  readonly path: string;
  readonly #configDir: string;
  readonly #lockPath: string;

  constructor(configDir: string) {
    this.#configDir = configDir;
    this.path = join(configDir, "hosts.json");
    this.#lockPath = `${this.path}.lock`;
    this.#hosts();
  }

  list(): HostRecord[] {
    return Object.values(this.#hosts()).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): HostRecord | undefined {
    const hosts = this.#hosts();
    return Object.hasOwn(hosts, name) ? hosts[name] : undefined;
  }

  // Both writes read the file again inside the lock, so two moor processes adding hosts at once keep both.
  put(record: HostRecord): void {
    withFileLock(this.#lockPath, REGISTRY, () => {
      const conf = this.#conf();
      conf.set("hosts", { ...conf.get("hosts"), [record.name]: record });
    });
  }

  remove(name: string): boolean {
    return withFileLock(this.#lockPath, REGISTRY, () => {
      const conf = this.#conf();
      const hosts = { ...conf.get("hosts") };
      if (!Object.hasOwn(hosts, name)) return false;
      delete hosts[name];
      conf.set("hosts", hosts);
      return true;
    });
  }

  #hosts(): Record<string, HostRecord> {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw corrupted(this.path, error);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw corrupted(this.path, error);
    }
    const problem = schemaProblem(parsed, { type: "object", properties: REGISTRY_SCHEMA });
    if (problem !== undefined) throw corrupted(this.path, new Error(problem.replace(/^value\./, "")));
    return (parsed as Partial<StoreShape>).hosts ?? {};
  }

  // conf writes the defaults when the file is missing, which is done under the lock (every caller holds it).
  #conf(): ConfFile<StoreShape> {
    return openConf(this.#configDir, this.path);
  }
}

function openConf(configDir: string, file: string): ConfFile<StoreShape> {
  try {
    return openConfFile<StoreShape>(configDir, "hosts", { defaults: { hosts: {} }, schema: REGISTRY_SCHEMA });
  } catch (error) {
    throw corrupted(file, error);
  }
}

function corrupted(file: string, error: unknown): MoorError {
  return usageError(`cannot read moor's host registry ${file}: ${errorLine(error)}`, {
    hint: `fix or move the file away (moor left it untouched); then run "moor host add" again`,
    cause: error,
  });
}

export { defaultConfigDir } from "./configDir.js";
