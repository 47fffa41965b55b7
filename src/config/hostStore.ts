import Conf from "conf";
import { join } from "node:path";
import { homedir } from "node:os";
import { MoorError, ExitCode } from "../core/errors.js";
import { hostRecordSchema, type HostRecord } from "./hostRecord.js";

interface StoreShape {
  hosts: Record<string, HostRecord>;
}

// The host registry on disk (the only module that imports conf): mode 0600, schema-checked,
// and never rewritten when it cannot be read, so a hand-broken file is reported, not lost.
export class HostStore {
  readonly #conf: Conf<StoreShape>;

  constructor(configDir: string) {
    try {
      this.#conf = new Conf<StoreShape>({
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
      const file = join(configDir, "hosts.json");
      throw new MoorError(`cannot read moor's host registry ${file}: ${firstLine(error)}`, ExitCode.usage, {
        hint: `fix or move the file away (moor left it untouched); then run "moor host add" again`,
        cause: error,
      });
    }
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

  put(record: HostRecord): void {
    this.#conf.set("hosts", { ...this.#conf.get("hosts"), [record.name]: record });
  }

  remove(name: string): boolean {
    const hosts = { ...this.#conf.get("hosts") };
    if (!Object.hasOwn(hosts, name)) return false;
    delete hosts[name];
    this.#conf.set("hosts", hosts);
    return true;
  }
}

// Where the registry lives: --config-dir, then MOOR_CONFIG_DIR, then the XDG config home.
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOOR_CONFIG_DIR) return env.MOOR_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "moor");
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
