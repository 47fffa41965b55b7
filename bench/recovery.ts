import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Box } from "../test/support/box.js";
import { startFlakyLink, type FlakyLink } from "../test/support/flakyLink.js";
import { MoorContext } from "../src/core/moorContext.js";
import { WATCH_LINK } from "../src/core/overview/overviewLinks.js";
import { registerHosts } from "./fleet.js";
import type { MoorProgram } from "./moorProgram.js";
import { makeOpenSshWorld } from "./openssh.js";
import { cliRecoveryRun, libraryRecoveryRun } from "./recoveryMoor.js";
import { sshRecoveryRun } from "./recoverySsh.js";
import { median } from "./stats.js";

// Section 2: a link that goes dark (blackhole) and comes back. How long until each tool notices, and how long
// after the link returns until it works again. moor: HostLink with the live view's own link settings (and the
// real `moor watch --json`, read from its link events); OpenSSH: ServerAliveInterval=2, ServerAliveCountMax=2.
// Each tool has its own box behind its own flaky link, and they run side by side.

export interface RecoveryRun {
  /** Blackhole to the tool noticing (moor: state "down"; ssh: the long-running ssh exits). */
  detectMs: number;
  /** moor only: blackhole to state "quiet" (what attach shows as its banner). */
  quietMs?: number;
  /** Link up again to working again; NaN when the tool did not come back (see failed). */
  recoverMs: number;
  /** Why the tool gave up instead of working again: the process exited, or the link settled on "failed". */
  failed?: string;
}

export interface RecoveryScenario {
  key: string;
  label: string;
  cli: RecoveryRun[];
  library: RecoveryRun[];
  ssh: RecoveryRun[];
}

export interface RecoveryOptions {
  runs: number;
  /** For the outage scenario: how long after the blackhole began the link returns. */
  outageMs: number;
  /** The real `moor watch`, or undefined while it is a placeholder. */
  watch: MoorProgram | undefined;
}

/** moor's handshake timeout in the live view, which the OpenSSH retry loop gets as ConnectTimeout. */
export const HANDSHAKE_TIMEOUT_MS = WATCH_LINK.readyTimeoutMs ?? 10_000;

export async function measureRecovery(
  boxes: readonly [Box, Box, Box],
  options: RecoveryOptions,
): Promise<RecoveryScenario[]> {
  const [libraryBox, sshBox, cliBox] = boxes;
  const links: FlakyLink[] = [];
  const linkTo = async (box: Box) => {
    const link = await startFlakyLink(box.host, box.port);
    links.push(link);
    return link;
  };
  try {
    const libraryLink = await linkTo(libraryBox);
    const sshLink = await linkTo(sshBox);
    const cliLink = await linkTo(cliBox);
    const home = mkdtempSync(join(tmpdir(), "moor-bench-recovery-"));
    const knownHosts = join(home, "known_hosts");
    writeFileSync(knownHosts, `${libraryBox.knownHostsLine(libraryLink.port)}\n`);
    const context = new MoorContext({
      configDir: join(home, "config"),
      knownHostsFile: knownHosts,
      home,
      env: { PATH: process.env.PATH, HOME: home },
    });
    const spec = {
      label: "recovery",
      hostname: libraryBox.host,
      port: libraryLink.port,
      user: libraryBox.user,
      identityFiles: [libraryBox.privateKeyPath],
      keepaliveIntervalMs: 2_000,
      keepaliveCountMax: 2,
    };
    const ssh = makeOpenSshWorld(sshBox.privateKeyPath, [sshBox.knownHostsLine(sshLink.port)]);
    const cli =
      options.watch === undefined
        ? undefined
        : { program: options.watch, ...(await registerHosts([cliBox], "flaky", [cliLink.port])) };

    const scenario = async (
      key: string,
      label: string,
      outageMs: number | undefined,
      withCli: boolean,
    ): Promise<RecoveryScenario> => {
      const result: RecoveryScenario = { key, label, cli: [], library: [], ssh: [] };
      for (let run = 0; run < options.runs; run++) {
        const [library, openssh, watch] = await Promise.all([
          libraryRecoveryRun(context.linkTo(spec, WATCH_LINK), libraryLink, outageMs),
          sshRecoveryRun(ssh, sshLink, outageMs, HANDSHAKE_TIMEOUT_MS),
          withCli && cli
            ? cliRecoveryRun(cli.program, cli.world, cli.names[0] ?? "flaky1", cliLink, outageMs ?? 0)
            : undefined,
        ]);
        result.library.push(library);
        result.ssh.push(openssh);
        if (watch) result.cli.push(watch);
      }
      return result;
    };
    return [
      // The CLI is a separate process: no way to bring the link back in the same instant it notices, so only the outage.
      await scenario("returnsAtOnce", "link back as soon as the drop is noticed", undefined, false),
      await scenario("outage", `link back ${options.outageMs / 1000} s after it went dark`, options.outageMs, true),
    ];
  } finally {
    await Promise.all(links.map((link) => link.close()));
  }
}

export function medianOf(runs: readonly RecoveryRun[], field: "detectMs" | "quietMs" | "recoverMs"): number {
  return median(runs.map((run) => run[field] ?? Number.NaN).filter((value) => !Number.isNaN(value)));
}
