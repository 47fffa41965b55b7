import { Command } from "commander";
import { examples } from "../../render/examples.js";
import type { RuntimeHolder } from "../../runtime.js";
import { hostAddCommand } from "./add.js";
import { hostLsCommand } from "./ls.js";
import { hostRmCommand } from "./rm.js";
import { hostTestCommand } from "./test.js";

// moor host add|ls|rm|test: the registry of named hosts.
export function hostCommand(runtime: RuntimeHolder): Command {
  const host = new Command("host")
    .description("register, list, remove and test hosts")
    .addHelpText(
      "after",
      examples([
        "moor host add gpu1 me@gpu1.example.com --accept-new",
        "moor host ls",
        "moor host test gpu1",
        "moor host rm gpu1",
      ]),
    );
  for (const make of [hostAddCommand, hostLsCommand, hostRmCommand, hostTestCommand]) host.addCommand(make(runtime));
  return host;
}
