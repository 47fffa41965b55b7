import { readFileSync } from "node:fs";
import { availableParallelism, release } from "node:os";
import { opensshVersion } from "./openssh.js";

// The machine the numbers come from, as one line for the report.
export interface Machine {
  cpu: string;
  cores: number;
  kernel: string;
  node: string;
  openssh: string;
  tmux: string;
}

export function describeMachine(tmux: string): Machine {
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown CPU";
  return {
    cpu: model.trim(),
    cores: availableParallelism(),
    kernel: `Linux ${release()}`,
    node: `Node ${process.version}`,
    openssh: opensshVersion(),
    tmux: `${tmux} (in the boxes)`,
  };
}

export function machineLine(machine: Machine): string {
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.kernel}; ${machine.node}; ${machine.openssh}; ${machine.tmux}`;
}
