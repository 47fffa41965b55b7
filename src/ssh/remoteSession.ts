import type { Client, ClientChannel, SFTPWrapper } from "ssh2";
import type { ChannelExit, ExecOptions, ExecResult, HostKeyStatus, PtyOptions, RemoteChannel, SshSession } from "./types.js";

interface SessionFacts {
  authMethod: string;
  hostKeyStatus: HostKeyStatus;
  hostKeyFingerprint: string;
  lastContact: () => number;
  /** Closes what carries this connection (the jump host's connection, when there is one). */
  closeCarrier: () => void;
}

// Adapts one ready ssh2 Client to the SshSession the layers above use.
export function wrapClient(client: Client, facts: SessionFacts): SshSession {
  let closed = false;
  const closeListeners: ((error?: Error) => void)[] = [];
  let lastError: Error | undefined;
  client.on("error", (error) => {
    lastError = error;
  });
  client.on("close", () => {
    closed = true;
    facts.closeCarrier();
    for (const listener of closeListeners.splice(0)) listener(lastError);
  });

  const openChannel = (command: string, pty?: PtyOptions): Promise<ClientChannel> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(lastError ?? new Error("the ssh connection is closed"));
      const callback = (error: Error | undefined, channel: ClientChannel): void => (error ? reject(error) : resolve(channel));
      if (pty) client.exec(command, { pty: { rows: pty.rows, cols: pty.cols, term: pty.term } }, callback);
      else client.exec(command, callback);
    });

  const exec = async (command: string, options: ExecOptions = {}): Promise<ExecResult> => {
    const channel = await openChannel(command);
    return await new Promise<ExecResult>((resolve, reject) => {
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let exit: ChannelExit = { code: null };
      const onAbort = (): void => {
        channel.close();
        reject(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted"));
      };
      options.signal?.addEventListener("abort", onAbort, { once: true });
      channel.on("data", (chunk: Buffer) => stdout.push(chunk));
      channel.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      channel.on("exit", (code: number | null, signal?: string) => {
        exit = { code, ...(signal ? { signal } : {}) };
      });
      channel.on("close", () => {
        options.signal?.removeEventListener("abort", onAbort);
        if (exit.code === null && exit.signal === undefined && closed) {
          return reject(lastError ?? new Error("the ssh connection closed while a command was running"));
        }
        resolve({
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr),
          code: exit.code ?? (exit.signal ? 128 : 255),
          ...(exit.signal ? { signal: exit.signal } : {}),
        });
      });
      if (options.stdin !== undefined) channel.end(options.stdin);
      else channel.end();
    });
  };

  const open = async (command: string, options: { pty?: PtyOptions } = {}): Promise<RemoteChannel> => {
    const channel = await openChannel(command, options.pty);
    const exit = new Promise<ChannelExit>((resolve) => {
      let status: ChannelExit = { code: null };
      channel.on("exit", (code: number | null, signal?: string) => {
        status = { code, ...(signal ? { signal } : {}) };
      });
      channel.on("close", () => resolve(status));
    });
    return {
      stdout: channel,
      stderr: channel.stderr,
      stdin: channel,
      exit,
      resize: (rows, cols) => channel.setWindow(rows, cols, 0, 0),
      close: () => channel.close(),
    };
  };

  const sftp = (): Promise<SFTPWrapper> =>
    new Promise((resolve, reject) => client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper))));

  return {
    authMethod: facts.authMethod,
    hostKeyStatus: facts.hostKeyStatus,
    hostKeyFingerprint: facts.hostKeyFingerprint,
    exec,
    open,
    readFile: async (path) => {
      const wrapper = await sftp();
      try {
        return await new Promise<Buffer>((resolve, reject) =>
          wrapper.readFile(path, (error, data) => (error ? reject(error) : resolve(data))),
        );
      } finally {
        wrapper.end();
      }
    },
    writeFile: async (path, data) => {
      const wrapper = await sftp();
      try {
        await new Promise<void>((resolve, reject) =>
          wrapper.writeFile(path, data, { mode: 0o600 }, (error) => (error ? reject(error) : resolve())),
        );
      } finally {
        wrapper.end();
      }
    },
    forward: (host, port) =>
      new Promise((resolve, reject) =>
        client.forwardOut("127.0.0.1", 0, host, port, (error, stream) => (error ? reject(error) : resolve(stream))),
      ),
    lastContact: facts.lastContact,
    onClose: (listener) => {
      if (closed) listener(lastError);
      else closeListeners.push(listener);
    },
    close: () => client.end(),
  };
}
