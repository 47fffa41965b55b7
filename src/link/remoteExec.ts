import type { ExecOptions, ExecResult } from "../ssh/types.js";

// The part of a HostLink that runs one remote command and collects its output: all that one-shot commands need,
// so the background holder can serve it in place of a link of their own.
export interface RemoteExec {
  readonly label: string;
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}
