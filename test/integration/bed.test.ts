import { Client, type ConnectConfig } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, stopAllBoxes, type Box } from "../support/box.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { generateClientKey } from "../support/keys.js";

// The test bed itself: real sshd and tmux in containers, and a link that can be broken on purpose.
let box: Box;
let bare: Box;
let link: FlakyLink;

beforeAll(async () => {
  [box, bare] = await Promise.all([startBox(), startBox({ tmux: false })]);
  link = await startFlakyLink(box.host, box.port);
});

afterAll(async () => {
  await link?.close();
  await stopAllBoxes();
});

type Endpoint = Pick<Box, "host" | "port" | "user" | "privateKey" | "hostKey">;

function connectTo(to: Endpoint, extra: Partial<ConnectConfig> = {}): Promise<Client> {
  const expected = Buffer.from(to.hostKey.base64, "base64");
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.once("ready", () => resolve(client)).once("error", reject);
    client.connect({
      host: to.host,
      port: to.port,
      username: to.user,
      privateKey: to.privateKey,
      hostVerifier: (key: Buffer) => key.equals(expected),
      readyTimeout: 10_000,
      ...extra,
    });
  });
}

function run(client: Client, command: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let stdout = "";
      channel.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      channel.stderr.resume();
      channel.on("close", (code: number | null) => resolve({ stdout, code }));
    });
  });
}

function viaLink(): Endpoint {
  return { ...box, host: link.host, port: link.port, hostKey: box.hostKey };
}

describe("test box", () => {
  it("logs in with the run's key, checks the host key and has tmux 3", async () => {
    const client = await connectTo(box);
    try {
      const { stdout, code } = await run(client, "tmux -V");
      expect(code).toBe(0);
      expect(stdout).toMatch(/^tmux 3\./);
    } finally {
      client.end();
    }
  });

  it("refuses a key it does not trust, and a client refuses a wrong host key", async () => {
    const stranger = generateClientKey("stranger");
    await expect(connectTo({ ...box, privateKey: stranger.privateKey })).rejects.toThrow(
      /authentication methods failed/,
    );
    const impostor = { ...box, hostKey: { type: "ssh-ed25519", base64: bare.hostKey.base64 } };
    await expect(connectTo(impostor)).rejects.toThrow(/verification failed/i);
  });

  it("has no tmux in the bare variant", async () => {
    const { exitCode } = await bare.exec(["bash", "-lc", "command -v tmux"]);
    expect(exitCode).not.toBe(0);
  });

  it("presents a new host key after replaceHostKey", async () => {
    const changing = await startBox();
    const before = changing.hostKey.base64;
    await changing.replaceHostKey();
    expect(changing.hostKey.base64).not.toBe(before);
    await expect(connectTo({ ...changing, hostKey: { ...changing.hostKey, base64: before } })).rejects.toThrow(
      /verification/i,
    );
    (await connectTo(changing)).end();
    expect(changing.knownHostsLine()).toBe(`[127.0.0.1]:${changing.port} ssh-ed25519 ${changing.hostKey.base64}`);
    await changing.stop();
  });
});

describe("flaky link", () => {
  it("lets keepalives notice a blackhole, then carries new connections once up", async () => {
    const client = await connectTo(viaLink(), { keepaliveInterval: 1000, keepaliveCountMax: 2 });
    const started = Date.now();
    const dropped = new Promise<string>((resolve) => {
      client.on("error", (error) => resolve(error.message));
      client.on("close", () => resolve("closed"));
    });
    await link.setMode("blackhole");
    const reason = await dropped;
    const noticedAfterMs = Date.now() - started;
    console.info(`blackhole noticed after ${noticedAfterMs} ms (${reason})`);
    expect(reason).toMatch(/keepalive timeout/i);
    expect(noticedAfterMs).toBeLessThan(10_000);

    await link.setMode("up");
    const again = await connectTo(viaLink());
    try {
      expect((await run(again, "echo still-here")).stdout.trim()).toBe("still-here");
    } finally {
      again.end();
    }
  });

  it("survives a 2 s pause: bytes are held, not lost", async () => {
    // Five missed keepalives at 1 s would be needed to give up, so a 2 s blip must not end the connection.
    const client = await connectTo(viaLink(), { keepaliveInterval: 1000, keepaliveCountMax: 5 });
    let lost: unknown;
    client.on("error", (error) => (lost = error)).on("close", () => (lost ??= "closed"));
    try {
      await link.setMode("pause");
      const answer = run(client, "echo after-pause");
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await link.setMode("up");
      expect((await answer).stdout.trim()).toBe("after-pause");
      expect(lost).toBeUndefined();
    } finally {
      client.end();
    }
  });
});
