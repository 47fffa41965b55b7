import { join, resolve } from "node:path";
import type { HostRecord } from "../../config/hostRecord.js";
import { HOST_NAME_RULE } from "../../config/hostRecord.js";
import { usageError } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import { readSshConfig, specFromRecord } from "../hostResolver.js";
import { parseDestination } from "./parseDestination.js";
import { probeHost, type HostTestReport } from "./testHost.js";

export interface AddHostInput {
  name: string;
  destination: string;
  port?: number;
  identityFile?: string;
  jump?: string;
  acceptNew?: boolean;
}

export interface AddHostResult {
  record: HostRecord;
  replaced: boolean;
  /** With --accept-new the host is contacted first and its key recorded. */
  contact?: HostTestReport;
}

// Registers a host. With acceptNew it makes first contact before anything is written, so a host
// that cannot be reached or authenticated is not registered.
export async function addHost(ctx: MoorContext, input: AddHostInput): Promise<AddHostResult> {
  if (!HOST_NAME_RULE.test(input.name)) {
    throw usageError(
      `invalid host name ${JSON.stringify(input.name)}: use 1-64 letters, digits, '.', '_' or '-'`,
      `for example "gpu1" or "build.eu"`,
    );
  }
  if (input.port !== undefined && !(Number.isInteger(input.port) && input.port >= 1 && input.port <= 65535)) {
    throw usageError(`invalid port ${JSON.stringify(input.port)}: expected a number from 1 to 65535`);
  }
  const destination = parseDestination(input.destination);
  const record: HostRecord = {
    name: input.name,
    hostname: destination.hostname,
    ...(destination.user ? { user: destination.user } : {}),
    ...(input.port ? { port: input.port } : {}),
    ...(input.identityFile ? { identityFile: absoluteKeyPath(input.identityFile, ctx.home) } : {}),
    ...(input.jump ? { jump: input.jump } : {}),
  };
  const replaced = ctx.store.get(input.name) !== undefined;
  let contact: HostTestReport | undefined;
  if (input.acceptNew) {
    const spec = specFromRecord(record, {
      store: ctx.store,
      home: ctx.home,
      localUser: ctx.localUser,
      sshConfigText: readSshConfig(ctx.home),
    });
    const link = ctx.linkTo(spec, { acceptNew: true });
    try {
      contact = await probeHost(link, spec, { requireTmux: false });
    } finally {
      link.close();
    }
  }
  ctx.store.put(record);
  return { record, replaced, ...(contact ? { contact } : {}) };
}

// The key is used later from any directory, so it is stored absolute; "~/" is the user's home, as in ssh.
function absoluteKeyPath(path: string, home: string): string {
  if (path === "~") return home;
  if (path.startsWith("~/")) return join(home, path.slice(2));
  return resolve(path);
}
