import {
  SETTING_KEYS,
  SETTING_SPECS,
  isSettingKey,
  type SettingKey,
  type SettingValues,
} from "../../../config/settingKeys.js";
import { usageError } from "../../../errors.js";

// A KEY from the command line, or exit 2 naming the keys there are.
export function parseSettingKey(text: string): SettingKey {
  if (isSettingKey(text)) return text;
  throw usageError(
    `unknown setting "${text}": expected one of ${SETTING_KEYS.join(", ")}`,
    `"moor config list" shows every setting and its value`,
  );
}

// A VALUE for KEY from the command line, typed, or exit 2 naming what the key allows.
export function parseSettingValue<K extends SettingKey>(key: K, text: string): NonNullable<SettingValues[K]> {
  const result = SETTING_SPECS[key].parse(text);
  if ("error" in result)
    throw usageError(
      `invalid value ${JSON.stringify(text)} for ${key}: ${result.error}`,
      `${key}: ${SETTING_SPECS[key].describe}`,
    );
  return result.value as NonNullable<SettingValues[K]>;
}
