import { Client, type ConnectConfig } from "ssh2";
import { connect as netConnect } from "node:net";
import type { Duplex } from "node:stream";
import { makeAuthPlan, type AuthPlan } from "./authPlan.js";
import { makeHostKeyVerifier, type HostKeyVerifier } from "./hostKeyVerifier.js";
import { wrapClient } from "./remoteSession.js";
import type { ConnectOptions, ConnectSpec, SshSession } from "./types.js";

// Opens one verified, authenticated connection, through the jump host when the spec names one.
// The only module that creates ssh2 Clients.
export async function openSsh(spec: ConnectSpec, options: ConnectOptions): Promise<SshSession> {
  const jump = spec.jump ? await openSsh(spec.jump, options) : undefined;
  let sock: Duplex | undefined;
  try {
    const via = jump ? ` via ${spec.jump?.label}` : "";
    options.onProgress?.(`connecting to ${spec.label} (${spec.user}@${spec.hostname}:${spec.port}${via})`);
    // known_hosts is read first, so nothing is awaited between the socket opening and ssh2 taking it over
    // (an error in that gap would have no listener).
    const verifier = await makeHostKeyVerifier({
      file: options.knownHostsFile,
      host: spec.hostname,
      port: spec.port,
      label: spec.label,
      acceptNew: options.acceptNew,
    });
    sock = jump ? await jump.forward(spec.hostname, spec.port) : await openSocket(spec, options);
    return await handshake(sock, verifier, spec, options, () => jump?.close());
  } catch (error) {
    sock?.destroy();
    jump?.close();
    throw error;
  }
}

function handshake(
  sock: Duplex,
  verifier: HostKeyVerifier,
  spec: ConnectSpec,
  options: ConnectOptions,
  closeCarrier: () => void,
): Promise<SshSession> {
  if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
  const auth = makeAuthPlan({
    label: spec.label,
    user: spec.user,
    identityFiles: spec.identityFiles,
    home: options.home,
    ...(options.agentSocket ? { agentSocket: options.agentSocket } : {}),
    ...(options.askPassphrase ? { askPassphrase: options.askPassphrase } : {}),
    ...(options.keyCache ? { keyCache: options.keyCache } : {}),
  });
  const client = new Client();
  return new Promise<SshSession>((resolve, reject) => {
    const fail = (error: Error): void => {
      disarm();
      client.end();
      sock.destroy();
      reject(error);
    };
    const disarm = guardHandshake(client, spec, options, fail);
    const onError = (error: Error & { level?: string }): void => fail(explainFailure(error, verifier, auth));
    client.on("error", onError);
    client.once("ready", () => {
      disarm();
      client.removeListener("error", onError);
      resolve(
        wrapClient(client, {
          authMethod: auth.lastMethod(),
          hostKeyStatus: verifier.status(),
          hostKeyFingerprint: verifier.fingerprint(),
          lastContact: trackContact(sock),
          closeCarrier,
        }),
      );
    });
    client.connect(clientConfig(sock, spec, options, verifier, auth));
  });
}

// Fails the handshake on its deadline (a blackholed link accepts TCP and then hangs) or on abort;
// returns the function that disarms both.
function guardHandshake(
  client: Client,
  spec: ConnectSpec,
  options: ConnectOptions,
  fail: (error: Error) => void,
): () => void {
  const handshakeMs = options.handshakeTimeoutMs ?? options.readyTimeoutMs;
  const timer = setTimeout(() => {
    fail(
      Object.assign(new Error(`no ssh handshake from ${spec.label} within ${handshakeMs} ms`), { code: "ETIMEDOUT" }),
    );
  }, handshakeMs);
  client.once("handshake", () => clearTimeout(timer));
  const onAbort = (): void => fail(abortReason(options.signal));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  return () => {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  };
}

function clientConfig(
  sock: Duplex,
  spec: ConnectSpec,
  options: ConnectOptions,
  verifier: HostKeyVerifier,
  auth: AuthPlan,
): ConnectConfig {
  return {
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
  };
}

// The refusal behind ssh2's generic error: a host key or authentication failure says what to do about it.
function explainFailure(error: Error & { level?: string }, verifier: HostKeyVerifier, auth: AuthPlan): Error {
  const hostKeyFailure = verifier.failure();
  if (hostKeyFailure) return hostKeyFailure;
  if (verifier.algorithms && /no matching host key/i.test(error.message)) return verifier.noKnownKeyType();
  if (error.level === "client-authentication") return Object.assign(auth.failure(), { cause: error });
  return error;
}

// Only once ready: a data listener added before ssh2's own would start the stream flowing early.
function trackContact(sock: Duplex): () => number {
  let lastContact = Date.now();
  sock.on("data", () => {
    lastContact = Date.now();
  });
  return () => lastContact;
}

// A TCP connection within the handshake deadline, given up at once on abort.
function openSocket(spec: ConnectSpec, options: ConnectOptions): Promise<Duplex> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: spec.hostname, port: spec.port });
    const settle = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.removeListener("error", fail);
    };
    const fail = (error: Error): void => {
      settle();
      socket.on("error", () => undefined);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(Object.assign(new Error(`timed out connecting to ${spec.hostname}:${spec.port}`), { code: "ETIMEDOUT" }));
    }, options.handshakeTimeoutMs ?? options.readyTimeoutMs);
    const onAbort = (): void => fail(abortReason(signal));
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once("error", fail);
    socket.once("connect", () => {
      settle();
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  return signal?.reason instanceof Error ? signal.reason : new Error("connection aborted");
}
