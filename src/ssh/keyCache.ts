import { loadPrivateKey, type LoadedKey } from "./identities.js";

// Keys loaded once per run, in memory only: connection attempts made at the same time (staggered
// reconnects, one link per host) share one passphrase prompt, and later reconnects do not ask again. A failure is
// kept too: a prompt the user declined (Ctrl-D, an empty answer) or a key that cannot be read is the answer for
// the whole run, so a reconnect or a second attempt does not put up a prompt nobody is waiting for.
export class KeyCache {
  readonly #keys = new Map<string, Promise<LoadedKey>>();

  load(path: string, askPassphrase?: (keyFile: string) => Promise<string | undefined>): Promise<LoadedKey> {
    let pending = this.#keys.get(path);
    if (pending === undefined) {
      pending = loadPrivateKey(path, askPassphrase);
      this.#keys.set(path, pending);
      // Each caller handles the failure; the cache only keeps it.
      pending.catch(() => undefined);
    }
    return pending;
  }
}
