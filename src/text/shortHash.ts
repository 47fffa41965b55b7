// 16 hex digits naming a thing by its text (FNV-1a, 64 bits): a holder's socket, a config dir's state file. Not a
// secret nor a defence: it only keeps names short and apart. Plain arithmetic, so the thin client, which must start
// fast, does not load OpenSSL for it (node:crypto's first hash costs about 15 ms).
export function shortHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
