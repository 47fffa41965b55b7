import type { Client, ClientChannel } from "ssh2";
import type {
  ChannelExit,
  ExecOptions,
  ExecResult,
  HostKeyStatus,
  PtyOptions,
  RemoteChannel,
  SshSession,
} from "./types.js";

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

  // A channel the server never confirmed: the command did not start there, so running it again cannot run it twice.
  const unopened = (error: Error): Error => Object.assign(error, { channelNotOpened: true });

  // Listeners are attached inside ssh2's callback, synchronously: the reply, the output and the
  // exit status can arrive in one parsed batch, and an await here would miss the exit event.
  const openChannel = <T>(
    command: string,
    pty: PtyOptions | undefined,
    adopt: (channel: ClientChannel) => T,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(unopened(lastError ?? new Error("the ssh connection is closed")));
      const callback = (error: Error | undefined, channel: ClientChannel): void =>
        error ? reject(unopened(error)) : resolve(adopt(channel));
      if (pty) client.exec(command, { pty: { rows: pty.rows, cols: pty.cols, term: pty.term } }, callback);
      else client.exec(command, callback);
    });

  const watchExit = (channel: ClientChannel): Promise<ChannelExit> =>
    new Promise((resolve) => {
      let status: ChannelExit = { code: null };
      channel.on("exit", (code: number | null, signal?: string) => {
        status = { code, ...(signal ? { signal } : {}) };
      });
      channel.on("close", () => resolve(status));
    });

  const exec = async (command: string, options: ExecOptions = {}): Promise<ExecResult> => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const exit = await openChannel(command, undefined, (channel) => {
      channel.on("data", (chunk: Buffer) => stdout.push(chunk));
      channel.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      const onAbort = (): void => void channel.close();
      options.onOpen?.();
      // Given up on while its channel was opening (the holder's deadline for a dark host): no input, closed at once.
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const exited = watchExit(channel).finally(() => options.signal?.removeEventListener("abort", onAbort));
      if (options.signal?.aborted) return { exited };
      if (options.stdin !== undefined) channel.end(options.stdin);
      else channel.end();
      return { exited };
    });
    const status = await exit.exited;
    options.signal?.throwIfAborted();
    if (status.code === null && status.signal === undefined && closed) {
      throw lastError ?? new Error("the ssh connection closed while a command was running");
    }
    return {
      stdout: Buffer.concat(stdout),
      stderr: Buffer.concat(stderr),
      code: status.code ?? (status.signal ? 128 : 255),
      ...(status.signal ? { signal: status.signal } : {}),
    };
  };

  const open = (command: string, options: { pty?: PtyOptions } = {}): Promise<RemoteChannel> =>
    openChannel(command, options.pty, (channel) => ({
      stdout: channel,
      stderr: channel.stderr,
      stdin: channel,
      exit: watchExit(channel),
      resize: (rows: number, cols: number) => void channel.setWindow(rows, cols, 0, 0),
      close: () => void channel.close(),
    }));

  return {
    authMethod: facts.authMethod,
    hostKeyStatus: facts.hostKeyStatus,
    hostKeyFingerprint: facts.hostKeyFingerprint,
    exec,
    open,
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
    destroy: () => {
      lastError ??= Object.assign(new Error("the connection went silent and was replaced"), { code: "ECONNRESET" });
      client.destroy();
    },
  };
}
