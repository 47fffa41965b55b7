import { spawn } from "node:child_process";
import type { FlakyLink } from "../test/support/flakyLink.js";
import { SSH, runSsh, sshArgv, type OpenSshWorld } from "./openssh.js";
import type { RecoveryRun } from "./recovery.js";
import { sleep } from "./stats.js";

const KEEPALIVE = ["-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2"];
/** Between tries of the retry loop: moor's shortest backoff. */
const RETRY_PAUSE_MS = 500;

// OpenSSH through a flaky link: a long-running ssh notices the drop (ServerAlive), then a script retries
// `ssh true` at once and until it works, with moor's handshake timeout as ConnectTimeout.
export async function sshRecoveryRun(
  world: OpenSshWorld,
  flaky: FlakyLink,
  outageMs: number | undefined,
  handshakeTimeoutMs: number,
): Promise<RecoveryRun> {
  const child = spawn(SSH, sshArgv(world, flaky.port, ["sh", "-c", "echo ready; exec sleep 1000"], KEEPALIVE), {
    env: world.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number>((resolve) => child.once("close", () => resolve(performance.now())));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (data: Buffer) => {
        if (data.toString().includes("ready")) resolve();
      });
      void exited.then(() => reject(new Error("the long-running ssh exited before the link was cut")));
    });
    const started = performance.now();
    await flaky.setMode("blackhole");
    const detectMs = (await exited) - started;
    let up = Number.NaN;
    const returned = (async () => {
      if (outageMs !== undefined) await sleep(Math.max(0, outageMs - (performance.now() - started)));
      await flaky.setMode("up");
      up = performance.now();
    })();
    if (outageMs === undefined) await returned;
    const timeout = ["-o", `ConnectTimeout=${Math.ceil(handshakeTimeoutMs / 1000)}`];
    for (;;) {
      const attempt = await runSsh(world, flaky.port, ["true"], timeout, handshakeTimeoutMs + 5_000);
      if (attempt.code === 0 && !Number.isNaN(up)) break;
      await sleep(RETRY_PAUSE_MS);
    }
    await returned;
    return { detectMs, recoverMs: performance.now() - up };
  } finally {
    child.kill("SIGKILL");
  }
}
