import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// What Linux's /proc says a process has cost: CPU seconds and peak memory.

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticksPerSecond;
}

/** Fields after the command name in /proc/PID/stat, so that field N of proc(5) is fields[N - 3]. */
function statFields(pid: number | "self"): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

function seconds(fields: string[], ...numbers: number[]): number {
  return numbers.reduce((sum, n) => sum + Number(fields[n - 3] ?? 0), 0) / clockTicks();
}

/** utime + stime of one process, in seconds. */
export function cpuSeconds(pid: number): number {
  return seconds(statFields(pid), 14, 15);
}

/** cutime + cstime of this process: CPU used by its children that have exited and been reaped. */
export function reapedChildrenCpuSeconds(): number {
  return seconds(statFields("self"), 16, 17);
}

/** VmHWM (peak resident set) of one process, in bytes. */
export function peakRssBytes(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
}

export function prepareClockTicks(): void {
  clockTicks();
}
