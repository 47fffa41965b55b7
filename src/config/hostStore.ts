import Conf from "conf";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { usageError } from "../errors.js";
import { errorLine, withFileLock } from "./fileLock.js";
import { hostRecordSchema, type HostRecord } from "./hostRecord.js";

const REGISTRY = { what: "moor's host registry", changing: "hosts" };

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
    this.#conf = existsSync(file) ? openConf(configDir, file) : withFileLock(this.#lockPath, REGISTRY, () => openConf(configDir, file));
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
    withFileLock(this.#lockPath, REGISTRY, () => {
      this.#conf.set("hosts", { ...this.#conf.get("hosts"), [record.name]: record });
    });
  }

  remove(name: string): boolean {
    return withFileLock(this.#lockPath, REGISTRY, () => {
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
    throw usageError(`cannot read moor's host registry ${file}: ${errorLine(error)}`, {
      hint: `fix or move the file away (moor left it untouched); then run "moor host add" again`,
      cause: error,
    });
  }
}

export { defaultConfigDir } from "./configDir.js";
