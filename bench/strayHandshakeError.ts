import { stopAllBoxes } from "../test/support/box.js";

// src/ssh/connect.ts leaves no "error" listener on an ssh2 Client after its handshake failed. When the
// handshake times out (a link that accepts TCP but carries nothing), ssh2 then emits a second error,
// "Connection lost before handshake", which nobody handles: the process dies. A moor process would crash
// there; the bench counts each one and carries on, so the reconnect can still be timed.
export async function countingStrayHandshakeErrors<T>(work: () => Promise<T>): Promise<{ result: T; stray: number }> {
  let stray = 0;
  const onUncaught = (error: Error & { level?: unknown }) => {
    if (error.message === "Connection lost before handshake" && error.level === "protocol") {
      stray++;
      return;
    }
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    void stopAllBoxes().finally(() => process.exit(1));
  };
  process.on("uncaughtException", onUncaught);
  try {
    return { result: await work(), stray };
  } finally {
    process.off("uncaughtException", onUncaught);
  }
}
