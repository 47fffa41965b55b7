import { Command } from "commander";
import { examples } from "../../render/examples.js";
import { formatTable } from "../../render/table.js";
import type { RuntimeHolder } from "../../runtime.js";

// moor host ls: the registered hosts, as a table or JSON.
export function hostLsCommand(runtime: RuntimeHolder): Command {
  return new Command("ls")
    .description("list the registered hosts")
    .option("--json", "print JSON")
    .addHelpText("after", examples(["moor host ls", "moor host ls --json | jq -r '.[].name'"]))
    .action((options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const hosts = ctx.store.list();
      if (options.json) return io.json(hosts);
      if (hosts.length === 0) return io.info("no hosts yet: add one with moor host add NAME user@hostname");
      const rows = hosts.map((h) => [
        h.name,
        `${h.user ? `${h.user}@` : ""}${h.hostname}`,
        String(h.port ?? 22),
        h.identityFile ?? "-",
        h.jump ?? "-",
      ]);
      io.print(formatTable(["NAME", "DESTINATION", "PORT", "KEY", "JUMP"], rows));
    });
}
