import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MoorError } from "../errors.js";
import { usageError } from "../errors.js";
import { openConfFile, type ConfFile } from "./confFile.js";
import { errorLine, withFileLock } from "./fileLock.js";
import { schemaProblem, type Schema } from "./jsonCheck.js";
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTING_SPECS, type SettingKey, type SettingValues } from "./settingKeys.js";

import type { MuteList } from "./muteList.js";

export * from "./settingKeys.js";
export * from "./muteList.js";

// Every setting with its default filled in, the mute list, and which keys the file sets.
export interface Settings extends SettingValues {
  mute: MuteList;
  /** The keys the file sets (the rest are defaults). */
  set: SettingKey[];
}

type StoreShape = Partial<Record<SettingKey, unknown>> & { mute?: MuteList };

const SETTINGS = { what: "moor's settings", changing: "settings" };

export const settingsFile = (configDir: string): string => join(configDir, "settings.json");

// moor's settings as they are now; a missing file is all defaults (and is not created).
// A file that is not JSON or breaks the schema is reported naming it, exit 2, and left untouched.
export function readSettings(configDir: string): Settings {
  const file = settingsFile(configDir);
  const parsed = parsedFile(file);
  if (parsed === undefined) return withDefaults({});
  const problem = schemaProblem(parsed, { type: "object", properties: SETTINGS_SCHEMA });
  if (problem !== undefined) throw corrupted(file, new Error(problem.replace(/^value\./, "")));
  return withDefaults(parsed);
}

// The settings file for writing: each change re-reads the file inside a lock, so concurrent moors keep each other's.
export class SettingsStore {
  readonly path: string;
  readonly #configDir: string;

  constructor(configDir: string) {
    this.#configDir = configDir;
    this.path = settingsFile(configDir);
  }

  read(): Settings {
    return readSettings(this.#configDir);
  }

  /** Stores a value already checked by SETTING_SPECS[key].parse. */
  set<K extends SettingKey>(key: K, value: NonNullable<SettingValues[K]>): void {
    this.#change((conf) => (conf as unknown as ConfFile<Record<string, unknown>>).set(key, value));
  }

  /** Back to the default; false when the file did not set it. */
  unset(key: SettingKey): boolean {
    return this.#change((conf) => {
      if (!conf.has(key)) return false;
      conf.delete(key);
      return true;
    });
  }

  /** Adds HOST or HOST:SESSION to the mute list; false when it was there already. */
  mute(entry: string): boolean {
    return this.#changeMute(entry, (list) => (list.includes(entry) ? undefined : [...list, entry].sort()));
  }

  /** Removes it; false when it was not muted. */
  unmute(entry: string): boolean {
    return this.#changeMute(entry, (list) =>
      list.includes(entry) ? list.filter((item) => item !== entry) : undefined,
    );
  }

  #changeMute(entry: string, change: (list: string[]) => string[] | undefined): boolean {
    const kind: keyof MuteList = entry.includes(":") ? "targets" : "hosts";
    return this.#change((conf) => {
      const mute = conf.get("mute") ?? { targets: [], hosts: [] };
      const next = change(mute[kind]);
      if (next === undefined) return false;
      conf.set("mute", { ...mute, [kind]: next });
      return true;
    });
  }

  #change<T>(action: (conf: ConfFile<StoreShape>) => T): T {
    return withFileLock(`${this.path}.lock`, SETTINGS, () => action(openConf(this.#configDir, this.path)));
  }
}

function withDefaults(store: StoreShape): Settings {
  const values = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const set = SETTING_KEYS.filter((key) => Object.hasOwn(store, key));
  for (const key of set) values[key] = store[key];
  return { ...(values as unknown as SettingValues), mute: store.mute ?? { targets: [], hosts: [] }, set };
}

const MUTE_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["targets", "hosts"],
  properties: {
    targets: { type: "array", items: { type: "string", pattern: "^[^:]+:[^:]+$" } },
    hosts: { type: "array", items: { type: "string", pattern: "^[^:]+$" } },
  },
};

const SETTINGS_SCHEMA: Record<string, Schema> = {
  ...Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_SPECS[key].schema])),
  mute: MUTE_SCHEMA,
};

function openConf(configDir: string, file: string): ConfFile<StoreShape> {
  // conf accepts any JSON object; a settings file must be one whose keys moor knows.
  parsedFile(file);
  try {
    return openConfFile<StoreShape>(configDir, "settings", { schema: SETTINGS_SCHEMA });
  } catch (error) {
    throw corrupted(file, error);
  }
}

// The file as JSON, undefined when there is none; refused when it is not an object of keys moor knows.
function parsedFile(file: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    if (!existsSync(file)) return undefined;
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw corrupted(file, error);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw corrupted(file, new Error("not a JSON object"));
  const unknown = Object.keys(parsed).filter(
    (key) => key !== "mute" && key !== "__internal__" && !SETTING_KEYS.includes(key as SettingKey),
  );
  if (unknown.length > 0)
    throw corrupted(file, new Error(`unknown key ${unknown.map((key) => JSON.stringify(key)).join(", ")}`));
  return parsed as Record<string, unknown>;
}

function corrupted(file: string, error: unknown): MoorError {
  return usageError(`cannot read moor's settings ${file}: ${errorLine(error)}`, {
    hint: `fix or move the file away (moor left it untouched); "moor config list" shows the keys it may hold`,
    cause: error,
  });
}
