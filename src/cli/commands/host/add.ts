import { Command, InvalidArgumentError } from "commander";
import { addHost } from "../../../core/hosts/addHost.js";
import { examples } from "../../render/examples.js";
import type { RuntimeHolder } from "../../runtime.js";

interface AddOptions {
  port?: number;
  identity?: string;
  jump?: string;
  acceptNew?: boolean;
  json?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535)
    throw new InvalidArgumentError(`expected a port from 1 to 65535, got "${value}"`);
  return port;
}

// moor host add: register (or update) a host, optionally making first contact to record its key.
export function hostAddCommand(runtime: RuntimeHolder): Command {
  return new Command("add")
    .description("register a host; DEST is [user@]hostname")
    .argument("<name>", "the name to use in targets (NAME:SESSION)")
    .argument("<dest>", "[user@]hostname")
    .option("-p, --port <port>", "ssh port", parsePort)
    .option("-i, --identity <keyfile>", "private key to authenticate with (stored as an absolute path)")
    .option("-J, --jump <host>", "reach it through this jump host (a registered name, alias or [user@]host[:port])")
    .option("--accept-new", "contact it now and trust its host key if it is unknown (a changed key is still refused)")
    .option("--json", "print the registered host as JSON")
    .addHelpText(
      "after",
      examples([
        "moor host add gpu1 me@gpu1.example.com",
        "moor host add lab me@10.0.0.5 -p 2222 -J bastion --accept-new",
      ]),
    )
    .action(async (name: string, dest: string, options: AddOptions, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const result = await addHost(ctx, {
        name,
        destination: dest,
        ...(options.port ? { port: options.port } : {}),
        ...(options.identity ? { identityFile: options.identity } : {}),
        ...(options.jump ? { jump: options.jump } : {}),
        acceptNew: Boolean(options.acceptNew),
      });
      if (options.json) return io.json(result);
      const { record } = result;
      const where = `${record.user ? `${record.user}@` : ""}${record.hostname}${record.port ? `:${record.port}` : ""}`;
      io.print(`${result.replaced ? "updated" : "added"} host ${io.out.bold(name)} (${where})`);
      if (result.contact?.hostKey.status === "recorded")
        io.print(`recorded its host key ${result.contact.hostKey.fingerprint} in ${ctx.knownHostsFile}`);
      if (!result.contact) io.info(`check it with: moor host test ${name}`);
    });
}
