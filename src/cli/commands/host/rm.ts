import { Command } from "commander";
import { notFoundError } from "../../../errors.js";
import { examples } from "../../render/examples.js";
import type { RuntimeHolder } from "../../runtime.js";

// moor host rm: forget a host; its remote sessions are untouched.
export function hostRmCommand(runtime: RuntimeHolder): Command {
  return new Command("rm")
    .description("forget a host (its remote sessions are untouched)")
    .argument("<name>")
    .addHelpText("after", examples(["moor host rm gpu1"]))
    .action((name: string, _options: unknown, command: Command) => {
      const { ctx, io } = runtime.get(command);
      if (!ctx.store.remove(name))
        throw notFoundError(`unknown host "${name}"`, "moor host ls lists the registered hosts");
      io.print(`removed host ${name}`);
    });
}
