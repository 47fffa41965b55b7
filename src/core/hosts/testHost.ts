import type { HostLink } from "../../link/hostLink.js";
import type { ConnectSpec } from "../../link/types.js";
import { tmuxMissingError } from "../../tmux/stderr.js";
import { isTestedTmux } from "../../tmux/tested.js";
import type { MoorContext } from "../moorContext.js";
import { RemoteTmux } from "../remoteTmux.js";

export interface HostTestReport {
  host: string;
  destination: string;
  hostKey: { status: "known" | "recorded"; fingerprint: string };
  auth: string;
  tmux: string | null;
  /** Whether moor's CI ran against exactly this tmux release (src/tmux/tested.ts); null without tmux. */
  tmuxTested: boolean | null;
  connectMs: number;
  rttMs: number;
}

// moor host test: connects on the host's own link (what is measured is the connection), verifies the host key,
// authenticates, and reports tmux and the round-trip time; tmux missing is exit 6.
export async function testHost(ctx: MoorContext, name: string): Promise<HostTestReport> {
  return await probeHost(ctx.link(name), ctx.resolve(name), { requireTmux: true });
}

// Each step of reaching a host over this link, timed (also host add's first contact, before it is registered).
export async function probeHost(
  link: HostLink,
  spec: ConnectSpec,
  options: { requireTmux: boolean },
): Promise<HostTestReport> {
  const started = performance.now();
  const session = await link.session();
  const connectMs = performance.now() - started;
  const version = await new RemoteTmux(link).versionText();
  const rtts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await link.exec(["true"]);
    rtts.push(performance.now() - t0);
  }
  const report: HostTestReport = {
    host: spec.label,
    destination: `${spec.user}@${spec.hostname}:${spec.port}`,
    hostKey: { status: session.hostKeyStatus, fingerprint: session.hostKeyFingerprint },
    auth: session.authMethod,
    tmux: version,
    tmuxTested: version === null ? null : isTestedTmux(version),
    connectMs: Math.round(connectMs),
    rttMs: Math.round(Math.min(...rtts) * 10) / 10,
  };
  if (options.requireTmux && version === null) {
    throw tmuxMissingError(spec.label);
  }
  return report;
}
