import Conf, { type Options } from "conf";

// A JSON file conf writes: the store type hostStore.ts and settings.ts write through.
export type ConfFile<T extends Record<string, unknown>> = Conf<T>;

// The only module that imports conf (ajv compiles the schema on every open, so it is opened only to write): moor's
// files are 0600, in the config dir as given, never cleared when invalid and never watched.
export function openConfFile<T extends Record<string, unknown>>(
  configDir: string,
  name: string,
  options: Pick<Options<T>, "schema" | "defaults">,
): ConfFile<T> {
  return new Conf<T>({
    cwd: configDir,
    configName: name,
    projectName: "moor",
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    ...options,
  });
}
