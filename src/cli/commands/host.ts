import { Command, InvalidArgumentError } from "commander";
import { notFoundError } from "../../core/errors.js";
import { addHost } from "../../core/hosts/addHost.js";
import { testHost } from "../../core/hosts/testHost.js";
import { examples } from "../render/examples.js";
import { formatTable } from "../render/table.js";
import type { RuntimeHolder } from "../runtime.js";

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError(`expected a port from 1 to 65535, got "${value}"`);
  return port;
}

// moor host add|ls|rm|test: the registry of named hosts.
export function hostCommand(runtime: RuntimeHolder): Command {
  const host = new Command("host").description("register, list, remove and test hosts");

  host
    .command("add")
    .description("register a host; DEST is [user@]hostname")
    .argument("<name>", "the name to use in targets (NAME:SESSION)")
    .argument("<dest>", "[user@]hostname")
    .option("-p, --port <port>", "ssh port", parsePort)
    .option("-i, --identity <keyfile>", "private key to authenticate with")
    .option("-J, --jump <host>", "reach it through this jump host (a registered name, alias or [user@]host[:port])")
    .option("--accept-new", "contact it now and trust its host key if it is unknown (a changed key is still refused)")
    .option("--json", "print the registered host as JSON")
    .addHelpText("after", examples(["moor host add gpu1 me@gpu1.example.com", "moor host add lab me@10.0.0.5 -p 2222 -J bastion --accept-new"]))
    .action(async (name: string, dest: string, options: { port?: number; identity?: string; jump?: string; acceptNew?: boolean; json?: boolean }, command: Command) => {
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
      const where = `${result.record.user ? `${result.record.user}@` : ""}${result.record.hostname}${result.record.port ? `:${result.record.port}` : ""}`;
      io.print(`${result.replaced ? "updated" : "added"} host ${io.out.bold(name)} (${where})`);
      if (result.contact?.hostKey.status === "recorded") io.print(`recorded its host key ${result.contact.hostKey.fingerprint} in ${ctx.knownHostsFile}`);
      if (!result.contact) io.print(io.out.dim(`check it with: moor host test ${name}`));
    });

  host
    .command("ls")
    .description("list the registered hosts")
    .option("--json", "print JSON")
    .addHelpText("after", examples(["moor host ls", "moor host ls --json | jq -r '.[].name'"]))
    .action((options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const hosts = ctx.store.list();
      if (options.json) return io.json(hosts);
      if (hosts.length === 0) return io.print(io.out.dim("no hosts yet: add one with moor host add NAME user@hostname"));
      io.print(formatTable(["NAME", "DESTINATION", "PORT", "KEY", "JUMP"], hosts.map((h) => [h.name, `${h.user ? `${h.user}@` : ""}${h.hostname}`, String(h.port ?? 22), h.identityFile ?? "-", h.jump ?? "-"])));
    });

  host
    .command("rm")
    .description("forget a host (its remote sessions are untouched)")
    .argument("<name>")
    .addHelpText("after", examples(["moor host rm gpu1"]))
    .action((name: string, _options: unknown, command: Command) => {
      const { ctx, io } = runtime.get(command);
      if (!ctx.store.remove(name)) throw notFoundError(`unknown host "${name}"`, "moor host ls lists the registered hosts");
      io.print(`removed host ${name}`);
    });

  host
    .command("test")
    .description("connect, verify the host key, authenticate, report tmux version and round-trip time")
    .argument("<name>")
    .option("--json", "print JSON")
    .addHelpText("after", examples(["moor host test gpu1", "moor host test gpu1 --json"]))
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const spec = ctx.resolve(name);
      const report = await testHost(ctx.link(name), spec, { requireTmux: true });
      if (options.json) return io.json(report);
      io.print(
        [
          `host      ${report.host} (${report.destination})`,
          `host key  ${report.hostKey.status === "recorded" ? "recorded now" : "verified"} ${report.hostKey.fingerprint}`,
          `auth      ${report.auth}`,
          `tmux      ${report.tmux ?? "missing"}`,
          `connect   ${report.connectMs} ms`,
          `rtt       ${report.rttMs} ms (one remote command)`,
        ].join("\n"),
      );
    });

  return host;
}
