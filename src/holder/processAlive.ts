import { readFileSync } from "node:fs";

// Whether pid is a live process. A killed holder whose parent never reaps it (an init that does not wait for
// orphans, as in some containers and VMs) stays a zombie that signal 0 still reaches: Linux's /proc says so.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (macOS): signal 0 is the answer
  }
}
