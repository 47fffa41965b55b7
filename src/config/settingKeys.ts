// moor's settings (`moor config`): every key, its default, its type and the values it allows, in one table.

const SWITCH3 = ["auto", "on", "off"] as const;
const SWITCH2 = ["on", "off"] as const;
type Switch3 = (typeof SWITCH3)[number];
type Switch2 = (typeof SWITCH2)[number];

// The session states (spec "Session states") a notification can be asked for.
const NOTIFIABLE_STATES = ["working", "asking", "waiting", "idle", "exited", "shell"] as const;
type NotifiableState = (typeof NOTIFIABLE_STATES)[number];

export interface SettingValues {
  "notify.terminal": Switch3;
  "notify.desktop": Switch3;
  /** A shell command line run once per change; undefined when not set. */
  "notify.command": string | undefined;
  "notify.states": NotifiableState[];
  "notify.background": Switch2;
  /** Minutes the background holder stays up unused; 0 turns it off. */
  persist: number;
  /** Seconds before a quiet program moor does not know is `idle`. */
  idle: number;
}

export type SettingKey = keyof SettingValues;

export const DEFAULT_SETTINGS: Readonly<SettingValues> = {
  "notify.terminal": "auto",
  "notify.desktop": "auto",
  "notify.command": undefined,
  "notify.states": ["asking", "waiting", "exited"],
  "notify.background": "off",
  persist: 10,
  idle: 30,
};

export interface SettingSpec {
  /** What `moor config` says the key allows, in words. */
  allowed: string;
  describe: string;
  /** The typed value for a text given on the command line, or an error message naming what is allowed. */
  parse(text: string): { value: unknown } | { error: string };
  /** The value as `moor config get` prints it. */
  show(value: unknown): string;
  /** JSON schema of the stored value (the file is checked against it when read). */
  schema: Record<string, unknown>;
}

const oneOf = (values: readonly string[], describe: string): SettingSpec => ({
  allowed: values.join(", "),
  describe,
  parse: (text) => (values.includes(text) ? { value: text } : { error: `expected one of ${values.join(", ")}` }),
  show: String,
  schema: { type: "string", enum: [...values] },
});

const wholeNumber = (min: number, max: number, unit: string, describe: string): SettingSpec => ({
  allowed: `a whole number of ${unit} from ${min} to ${max}`,
  describe,
  parse: (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max)
      return { error: `expected a whole number of ${unit} from ${min} to ${max}` };
    return { value };
  },
  show: String,
  schema: { type: "integer", minimum: min, maximum: max },
});

function parseStates(text: string): { value: unknown } | { error: string } {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const wrong = names.filter((name) => !(NOTIFIABLE_STATES as readonly string[]).includes(name));
  if (names.length === 0 || wrong.length > 0) {
    return {
      error: `expected a comma-separated list of ${NOTIFIABLE_STATES.join(", ")}${wrong.length ? ` (not ${wrong.join(", ")})` : ""}`,
    };
  }
  return { value: [...new Set(names)] };
}

export const SETTING_SPECS: Readonly<Record<SettingKey, SettingSpec>> = {
  "notify.terminal": oneOf(SWITCH3, "notify in the terminal running moor watch (auto: when it is a terminal)"),
  "notify.desktop": oneOf(SWITCH3, "desktop notifications (auto: when a notifier is installed)"),
  "notify.command": {
    allowed: "a command line, run by the shell once per change",
    describe: "a command run once per change, with MOOR_* variables and JSON on its stdin",
    parse: (text) =>
      text.trim() === ""
        ? { error: "expected a command line (to turn it off: moor config unset notify.command)" }
        : { value: text },
    show: (value) => (typeof value === "string" ? value : ""),
    schema: { type: "string", minLength: 1 },
  },
  "notify.states": {
    allowed: `a comma-separated list of ${NOTIFIABLE_STATES.join(", ")}`,
    describe: "the states a session's change into notifies (waiting only after working)",
    parse: parseStates,
    show: (value) => (Array.isArray(value) ? value.join(",") : ""),
    schema: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...NOTIFIABLE_STATES] } },
  },
  "notify.background": oneOf(SWITCH2, "the background holder notifies with no moor watch open"),
  persist: wholeNumber(0, 1_440, "minutes", "minutes the background holder stays up unused (0: no holder)"),
  idle: wholeNumber(1, 86_400, "seconds", "seconds before a quiet program moor does not know is idle"),
};

export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_SPECS, key);
}
