import { Client } from "ssh2";
import { connect as netConnect } from "node:net";
import type { Duplex } from "node:stream";
import { makeAuthPlan } from "./authPlan.js";
import { makeHostKeyVerifier } from "./hostKeyVerifier.js";
import { wrapClient } from "./remoteSession.js";
import type { ConnectOptions, ConnectSpec, SshSession } from "./types.js";

// Opens one verified, authenticated connection, through the jump host when the spec names one.
// The only module that creates ssh2 Clients.
export async function openSsh(spec: ConnectSpec, options: ConnectOptions): Promise<SshSession> {
  const jump = spec.jump ? await openSsh(spec.jump, options) : undefined;
  try {
    const via = jump ? ` via ${spec.jump?.label}` : "";
    options.onProgress?.(`connecting to ${spec.label} (${spec.user}@${spec.hostname}:${spec.port}${via})`);
    const sock = jump ? await jump.forward(spec.hostname, spec.port) : await openSocket(spec, options);
    return await handshake(sock, spec, options, () => jump?.close());
  } catch (error) {
    jump?.close();
    throw error;
  }
}

async function handshake(sock: Duplex, spec: ConnectSpec, options: ConnectOptions, closeCarrier: () => void): Promise<SshSession> {
  const verifier = await makeHostKeyVerifier({
    file: options.knownHostsFile,
    host: spec.hostname,
    port: spec.port,
    label: spec.label,
    acceptNew: options.acceptNew,
  });
  const auth = makeAuthPlan({
    label: spec.label,
    user: spec.user,
    identityFiles: spec.identityFiles,
    home: options.home,
    ...(options.agentSocket ? { agentSocket: options.agentSocket } : {}),
    ...(options.askPassphrase ? { askPassphrase: options.askPassphrase } : {}),
  });
  let lastContact = Date.now();

  const client = new Client();
  const handshakeMs = options.handshakeTimeoutMs ?? options.readyTimeoutMs;
  return await new Promise<SshSession>((resolve, reject) => {
    const handshakeTimer = setTimeout(() => {
      onError(Object.assign(new Error(`no ssh handshake from ${spec.label} within ${handshakeMs} ms`), { code: "ETIMEDOUT" }));
      client.end();
    }, handshakeMs);
    client.once("handshake", () => clearTimeout(handshakeTimer));
    const onAbort = (): void => {
      settle();
      client.end();
      sock.destroy();
      reject(options.signal?.reason instanceof Error ? options.signal.reason : new Error("connection aborted"));
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const settle = (): void => {
      clearTimeout(handshakeTimer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    client.once("ready", () => {
      settle();
      // Only now: a data listener added before ssh2's own would start the stream flowing early.
      lastContact = Date.now();
      sock.on("data", () => {
        lastContact = Date.now();
      });
      client.removeListener("error", onError);
      resolve(
        wrapClient(client, {
          authMethod: auth.lastMethod(),
          hostKeyStatus: verifier.status(),
          hostKeyFingerprint: verifier.fingerprint(),
          lastContact: () => lastContact,
          closeCarrier,
        }),
      );
    });
    const onError = (error: Error & { level?: string }): void => {
      settle();
      sock.destroy();
      const hostKeyFailure = verifier.failure();
      if (hostKeyFailure) reject(hostKeyFailure);
      else if (verifier.algorithms && /no matching host key/i.test(error.message)) reject(verifier.noKnownKeyType());
      else if (error.level === "client-authentication") reject(Object.assign(auth.failure(), { cause: error }));
      else reject(error);
    };
    client.on("error", onError);
    client.connect({
      sock,
      username: spec.user,
      readyTimeout: options.readyTimeoutMs,
      keepaliveInterval: spec.keepaliveIntervalMs,
      keepaliveCountMax: spec.keepaliveCountMax,
      authHandler: auth.handler,
      hostVerifier: (blob: Buffer, verify: (valid: boolean) => void) => {
        verifier.verify(blob).then(verify, () => verify(false));
      },
      ...(verifier.algorithms ? { algorithms: { serverHostKey: verifier.algorithms as never } } : {}),
    });
  });
}

function openSocket(spec: ConnectSpec, options: ConnectOptions): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: spec.hostname, port: spec.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`timed out connecting to ${spec.hostname}:${spec.port}`), { code: "ETIMEDOUT" }));
    }, options.handshakeTimeoutMs ?? options.readyTimeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
