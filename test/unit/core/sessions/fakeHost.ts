import { HostLink } from "../../../../src/link/hostLink.js";
import { MoorContext } from "../../../../src/core/moorContext.js";
import { RemoteTmux } from "../../../../src/core/remoteTmux.js";
import type { ExecResult } from "../../../../src/link/types.js";
import { FakeSession } from "../../fakes/fakeSession.js";

export type Answer = (command: string) => { stdout?: string; stderr?: string; code?: number };

// A host "b" whose remote commands are answered by a script: the commands are recorded as the remote shell sees them.
// ctx is a context whose every host is that one.
export function fakeHost(answer: Answer): { ctx: MoorContext; tmux: RemoteTmux; link: HostLink; session: FakeSession } {
  const session = new FakeSession((command): Partial<ExecResult> => {
    const { stdout = "", stderr = "", code = 0 } = command === "tmux -V" ? { stdout: "tmux 3.3a\n" } : answer(command);
    return { stdout: Buffer.from(stdout), stderr: Buffer.from(stderr), code };
  });
  const link = new HostLink({
    label: "b",
    retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1, factor: 1 },
    connect: () => Promise.resolve(session),
  });
  return { ctx: new MoorContext({ env: {}, makeLink: () => link }), tmux: new RemoteTmux(link), link, session };
}

export const NO_SERVER = {
  code: 1,
  stderr: "error connecting to /tmp/tmux-1000/default (No such file or directory)\n",
};
export const NO_SESSION = { code: 1, stderr: "can't find session: x\n" };
