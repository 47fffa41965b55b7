import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { GenericContainer, Wait, type ExecResult, type StartedTestContainer } from "testcontainers";
import { agentImage } from "./agentImage.js";
import { boxImage, boxVariant } from "./boxImage.js";
import { clientKey } from "./keys.js";
import type { TmuxRelease } from "./tmuxReleases.js";

export interface BoxOptions {
  /**
   * A tmux release ("3.1", "3.3", "3.5", "3.8": test/support/tmuxReleases.ts), or false for the variant whose tmux
   * binary is removed. Default: the release MOOR_TEST_TMUX names (the compat projects set it), else 3.3.
   */
  tmux?: TmuxRelease | boolean;
  /** true adds the real agents to that box (test/support/agentImage.ts); see agentBox.ts. */
  agents?: boolean;
  /** Extra authorized_keys lines, trusted besides the run's own key (clientKey()). */
  authorizedKeys?: string[];
}

export interface HostKey {
  type: string;
  base64: string;
}

// A running sshd+tmux container reachable on loopback, with everything a test needs to log in and check.
export interface Box {
  readonly host: string;
  readonly port: number;
  readonly user: "moor";
  readonly privateKey: string;
  readonly privateKeyPath: string;
  /** The ed25519 key sshd presents now (replaceHostKey changes it). */
  readonly hostKey: HostKey;
  readonly container: StartedTestContainer;
  /** A known_hosts line for this box, or for a proxy in front of it when given its port. */
  knownHostsLine(port?: number): string;
  /** Runs argv in the box (as moor unless told otherwise), for test setup and assertions. */
  exec(cmd: string[], options?: { user?: string }): Promise<ExecResult>;
  /** Makes sshd re-read its config and host key; established connections are kept. */
  restartSshd(): Promise<void>;
  /** Gives sshd a new ed25519 host key, as after a reinstall, for "host key changed" tests. */
  replaceHostKey(): Promise<HostKey>;
  stop(): Promise<void>;
}

const HOST_KEY_FILE = "/etc/ssh/ssh_host_ed25519_key";
const running = new Set<Box>();

// Starts a box; host networking (MOOR_TEST_NETWORK=host) gives each box its own loopback port.
export async function startBox(options: BoxOptions = {}): Promise<Box> {
  const variant = boxVariant(options.tmux);
  const image = options.agents === true ? await agentImage(variant) : await boxImage(variant);
  const keys = [clientKey().publicKey, ...(options.authorizedKeys ?? [])];
  const hostNetwork = process.env.MOOR_TEST_NETWORK === "host";
  for (let attempt = 1; ; attempt++) {
    const port = hostNetwork ? await freeLoopbackPort() : 22;
    try {
      return await startOn(image, port, hostNetwork, keys);
    } catch (error) {
      // Another process may take the free port before sshd binds it: try a different one.
      if (!hostNetwork || attempt >= 3) throw new Error(`could not start a test box from ${image}`, { cause: error });
    }
  }
}

// Stops every box this process started and has not stopped: an afterAll safety net.
export async function stopAllBoxes(): Promise<void> {
  await Promise.all([...running].map((box) => box.stop()));
}

async function startOn(image: string, port: number, hostNetwork: boolean, keys: string[]): Promise<Box> {
  const listen = ["-p", String(port), ...(hostNetwork ? ["-o", "ListenAddress=127.0.0.1"] : [])];
  let container = new GenericContainer(image)
    .withCommand(listen)
    .withLabels({ "moor.test": "box", "moor.test.run": process.env.MOOR_TEST_RUN ?? "local" })
    .withCopyContentToContainer([
      { content: `${keys.join("\n")}\n`, target: "/etc/ssh/authorized_keys/moor", mode: 0o644 },
    ])
    .withWaitStrategy(Wait.forLogMessage(/Server listening/))
    .withStartupTimeout(30_000);
  container = hostNetwork ? container.withNetworkMode("host") : container.withExposedPorts(22);
  const box = await describeBox(await container.start(), port, hostNetwork);
  running.add(box);
  return box;
}

async function describeBox(container: StartedTestContainer, port: number, hostNetwork: boolean): Promise<Box> {
  const address = hostNetwork
    ? { host: "127.0.0.1", port }
    : { host: container.getHost(), port: container.getMappedPort(22) };
  return new ContainerBox(container, address, port, await readHostKey(container));
}

class ContainerBox implements Box {
  readonly user = "moor";
  readonly privateKey = clientKey().privateKey;
  readonly privateKeyPath = clientKey().privateKeyPath;
  readonly host: string;
  readonly port: number;

  constructor(
    readonly container: StartedTestContainer,
    address: { host: string; port: number },
    private readonly sshdPort: number,
    public hostKey: HostKey,
  ) {
    this.host = address.host;
    this.port = address.port;
  }

  knownHostsLine(port = this.port): string {
    return knownHostsLine(this.host, port, this.hostKey);
  }

  exec(cmd: string[], options?: { user?: string }): Promise<ExecResult> {
    return this.container.exec(cmd, { user: options?.user ?? "moor" });
  }

  restartSshd(): Promise<void> {
    return restartSshdIn(this.container, this.sshdPort);
  }

  async replaceHostKey(): Promise<HostKey> {
    const regenerate = `rm -f ${HOST_KEY_FILE} ${HOST_KEY_FILE}.pub && ssh-keygen -q -t ed25519 -N '' -f ${HOST_KEY_FILE}`;
    await rootExec(this.container, ["sh", "-c", regenerate]);
    await this.restartSshd();
    this.hostKey = await readHostKey(this.container);
    return this.hostKey;
  }

  async stop(): Promise<void> {
    if (!running.delete(this)) return;
    await this.container.stop({ timeout: 0 });
  }
}

// The known_hosts form OpenSSH and moor read: a bracketed host:port unless the port is 22.
export function knownHostsLine(host: string, port: number, key: HostKey): string {
  const name = port === 22 ? host : `[${host}]:${port}`;
  return `${name} ${key.type} ${key.base64}`;
}

// Writes DIR/known_hosts trusting these boxes; a string entry is a ready line, e.g. box.knownHostsLine(link.port).
export function writeKnownHosts(dir: string, entries: (Box | string)[]): string {
  const path = join(dir, "known_hosts");
  const lines = entries.map((entry) => (typeof entry === "string" ? entry : entry.knownHostsLine()));
  writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 });
  return path;
}

async function readHostKey(container: StartedTestContainer): Promise<HostKey> {
  const text = await rootExec(container, ["cat", `${HOST_KEY_FILE}.pub`]);
  const [type, base64] = text.trim().split(/\s+/);
  if (type === undefined || base64 === undefined)
    throw new Error(`unreadable host key in the box: ${JSON.stringify(text)}`);
  return { type, base64 };
}

// SIGHUP makes sshd (PID 1) re-exec itself; it is back once a new listening socket exists.
async function restartSshdIn(container: StartedTestContainer, port: number): Promise<void> {
  const before = await listenerInode(container, port);
  await rootExec(container, ["kill", "-HUP", "1"]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const now = await listenerInode(container, port);
    if (now !== undefined && now !== before) return;
    if (Date.now() > deadline) throw new Error(`sshd did not listen again on port ${port} within 10 s of SIGHUP`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function listenerInode(container: StartedTestContainer, port: number): Promise<string | undefined> {
  const table = await rootExec(container, ["cat", "/proc/net/tcp", "/proc/net/tcp6"]);
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const line of table.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") return fields[9];
  }
  return undefined;
}

async function rootExec(container: StartedTestContainer, cmd: string[]): Promise<string> {
  const result = await container.exec(cmd, { user: "root" });
  if (result.exitCode !== 0)
    throw new Error(`${cmd.join(" ")} failed in the box (exit ${result.exitCode}): ${result.output.trim()}`);
  return result.stdout;
}

// A port nothing listens on right now; the caller retries if another process takes it first.
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("could not read a free port");
  return address.port;
}
