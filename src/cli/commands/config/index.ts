import { Command } from "commander";
import { SETTING_KEYS, SETTING_SPECS } from "../../../config/settingKeys.js";
import { examples } from "../../render/examples.js";
import { formatTable } from "../../render/table.js";
import type { RuntimeHolder } from "../../runtime.js";
import { startNotifyingHolder } from "./backgroundHolder.js";
import { parseSettingKey, parseSettingValue } from "./settingArgs.js";

const KEYS_HELP = `\nSettings:\n${SETTING_KEYS.map((key) => `  ${key.padEnd(18)} ${SETTING_SPECS[key].allowed}\n  ${"".padEnd(18)} ${SETTING_SPECS[key].describe}`).join("\n")}\n`;

// moor config get|set|unset|list: moor's settings, kept beside the host registry.
export function configCommand(runtime: RuntimeHolder): Command {
  const config = new Command("config")
    .description("show or change moor's settings (kept beside the host registry)")
    .addHelpText(
      "after",
      `${KEYS_HELP}${examples(["moor config list", "moor config set notify.command 'logger -t moor'", "moor config get persist", "moor config unset notify.desktop"])}`,
    );

  config.addCommand(
    new Command("list")
      .description("every setting with its value (defaults included)")
      .option("--json", "print one JSON object, key to value (null when not set)")
      .addHelpText("after", examples(["moor config list", "moor config list --json | jq -r .persist"]))
      .action((options: { json?: boolean }, command: Command) => {
        const { ctx, io } = runtime.get(command);
        const settings = ctx.settings.read();
        if (options.json) return io.json(Object.fromEntries(SETTING_KEYS.map((key) => [key, settings[key] ?? null])));
        const rows = SETTING_KEYS.map((key) => [
          key,
          SETTING_SPECS[key].show(settings[key]) || "-",
          settings.set.includes(key) ? "set" : "default",
        ]);
        io.print(formatTable(["KEY", "VALUE", "FROM"], rows));
      }),
    { isDefault: true },
  );

  config.addCommand(
    new Command("get")
      .description("print one setting's value (its default when not set)")
      .argument("<key>")
      .addHelpText("after", examples(["moor config get notify.states", "moor config get persist"]))
      .action((keyText: string, _options: unknown, command: Command) => {
        const key = parseSettingKey(keyText);
        const { ctx, io } = runtime.get(command);
        io.print(SETTING_SPECS[key].show(ctx.settings.read()[key]));
      }),
  );

  config.addCommand(
    new Command("set")
      .description("change one setting (the value is checked)")
      .argument("<key>")
      .argument("<value>")
      .addHelpText(
        "after",
        `${KEYS_HELP}${examples(["moor config set notify.states asking,exited", "moor config set notify.desktop off", "moor config set persist 30"])}`,
      )
      .action((keyText: string, valueText: string, _options: unknown, command: Command) => {
        const key = parseSettingKey(keyText);
        const value = parseSettingValue(key, valueText);
        const { ctx, io } = runtime.get(command);
        ctx.settings.set(key, value);
        if (key === "notify.background" && value === "on") startNotifyingHolder(ctx, io);
      }),
  );

  config.addCommand(
    new Command("unset")
      .description("put one setting back to its default")
      .argument("<key>")
      .addHelpText("after", examples(["moor config unset notify.command"]))
      .action((keyText: string, _options: unknown, command: Command) => {
        const key = parseSettingKey(keyText);
        runtime.get(command).ctx.settings.unset(key);
      }),
  );
  return config;
}
