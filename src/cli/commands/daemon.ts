import { Command, Option } from "commander";
import { HolderClient, HolderUnavailable } from "../../holder/client.js";
import { holderIdentity, holderPaths } from "../../holder/paths.js";
import type { HolderStatus } from "../../holder/protocol.js";
import { holderVersion } from "../../holder/version.js";
import { examples } from "../render/examples.js";
import { formatTable } from "../render/table.js";
import { processIo } from "../io.js";
import { runsWithoutRuntime, type GlobalOptions, type RuntimeHolder } from "../runtime.js";

// The holder for this command's config dir, if one runs and speaks this version.
async function connect(command: Command, env: NodeJS.ProcessEnv): Promise<HolderClient | undefined> {
  const paths = holderPaths(holderIdentity(command.optsWithGlobals<GlobalOptions>(), env), env);
  try {
    return await HolderClient.connect({ paths, version: holderVersion(), deadlineMs: 2_000 });
  } catch (error) {
    if (error instanceof HolderUnavailable) return undefined;
    throw error;
  }
}

const ago = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 120 ? `${String(seconds)} s ago` : `${String(Math.round(seconds / 60))} min ago`;
};

function formatStatus(status: HolderStatus, now: number): string {
  const lines = [
    `pid       ${String(status.pid)}`,
    `version   ${status.version}`,
    `uptime    ${String(status.uptimeSeconds)} s`,
    `last use  ${ago(now - status.lastUse)} (${status.notifying ? "stays up while notify.background is on" : `stops after ${String(status.persistMinutes)} min unused`})`,
    `notifies  ${status.notifying ? `in the background (notify.background on): ${status.notifying.length === 0 ? "no hosts registered" : status.notifying.join(", ")}` : "only while moor watch runs (notify.background off)"}`,
    `socket    ${status.socket}`,
    `log       ${status.log}`,
  ];
  if (status.hosts.length === 0) return `${lines.join("\n")}\nhosts     none yet`;
  const rows = status.hosts.map((host) => [host.host, host.link, ago(now - host.lastUse), host.reason ?? ""]);
  return `${lines.join("\n")}\n\n${formatTable(["HOST", "LINK", "LAST USE", "REASON"], rows)}`;
}

// moor daemon status|stop: the background holder of warm connections (and the hidden `serve` that is the holder).
export function daemonCommand(runtime: RuntimeHolder): Command {
  const daemon = new Command("daemon")
    .description(
      "the background holder of warm connections that one-shot commands (ls, peek, send, …) use: whether it runs, its links; stop it",
    )
    .addHelpText(
      "after",
      examples([
        "moor daemon status",
        "moor daemon status --json",
        "moor daemon stop",
        "MOOR_NO_DAEMON=1 moor ls   # without the holder",
      ]),
    );
  daemon.addCommand(
    runsWithoutRuntime(new Command("status"))
      .description("whether the holder runs: its pid, uptime, version, and each host's link state and last use")
      .option(
        "--json",
        "print JSON: {running, pid, version, startedAt, uptimeSeconds, persistMinutes, notifying, lastUse, socket, log, hosts:[{host, link, lastUse, reason?}]}",
      )
      .addHelpText(
        "after",
        examples(["moor daemon status", "moor daemon status --json | jq -r '.hosts[] | .host + \" \" + .link'"]),
      )
      .action(async (options: { json?: boolean }, command: Command) => {
        const io = processIo(Boolean(command.optsWithGlobals<GlobalOptions>().verbose));
        const client = await connect(command, runtime.host.env);
        const status = await client?.status();
        client?.close();
        if (options.json) return io.json(status ? { running: true, ...status } : { running: false });
        if (!status) return io.print("no holder runs (the next one-shot command starts one)");
        io.print(formatStatus(status, Date.now()));
      }),
  );
  daemon.addCommand(
    runsWithoutRuntime(new Command("stop"))
      .description("stop the holder; its links close (the next one-shot command starts a fresh one)")
      .addHelpText("after", examples(["moor daemon stop"]))
      .action(async (_options: unknown, command: Command) => {
        const io = processIo(Boolean(command.optsWithGlobals<GlobalOptions>().verbose));
        const client = await connect(command, runtime.host.env);
        if (!client) return io.print("no holder runs");
        await client.stop();
        client.close();
        io.print(`stopped the holder (pid ${String(client.pid)})`);
      }),
  );
  daemon.addCommand(
    new Command("serve")
      .description("be the holder (started by moor itself)")
      .addHelpText(
        "after",
        examples(["moor daemon serve --warm gpu1,gpu2   # what a one-shot command starts in the background"]),
      )
      .addOption(new Option("--warm <hosts>", "hosts to connect to at once, comma-separated").default(""))
      .action(async (options: { warm: string }, command: Command) => {
        const { ctx } = runtime.get(command);
        const [{ serveHolder }, { runServed }] = await Promise.all([
          import("../../holder/serve.js"),
          import("../servedRun.js"),
        ]);
        process.exitCode = await serveHolder({
          configDir: ctx.configDir,
          knownHostsFile: ctx.knownHostsFile,
          home: ctx.home,
          env: ctx.env,
          warm: options.warm.split(",").filter((host) => host !== ""),
          runCommand: runServed,
        });
      }),
    { hidden: true },
  );
  return daemon;
}
