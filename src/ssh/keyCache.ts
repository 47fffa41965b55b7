import { loadPrivateKey, type LoadedKey } from "./identities.js";

// Keys loaded once per run, in memory only: connection attempts made at the same time (staggered
// reconnects, one link per host) share one passphrase prompt, and later reconnects do not ask again.
export class KeyCache {
  readonly #keys = new Map<string, Promise<LoadedKey>>();

  load(path: string, askPassphrase?: (keyFile: string) => Promise<string | undefined>): Promise<LoadedKey> {
    let pending = this.#keys.get(path);
    if (pending === undefined) {
      pending = loadPrivateKey(path, askPassphrase);
      this.#keys.set(path, pending);
      pending.catch(() => this.#keys.delete(path));
    }
    return pending;
  }
}
