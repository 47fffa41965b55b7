import { statSync } from "node:fs";

// What says a file changed (inode, size, modification time), or "-" when it cannot be read: the holder checks its
// settings, registry, ssh config, known_hosts and outbox with it instead of watching them.
export function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${String(stat.ino)}:${String(stat.size)}:${String(stat.mtimeMs)}`;
  } catch {
    return "-";
  }
}
