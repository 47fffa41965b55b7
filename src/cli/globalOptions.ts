// moor's global options (--config-dir DIR, --known-hosts FILE, -v/--verbose, and the "=" forms), found wherever
// they stand before a standalone "--", as commander finds them. Without commander and with no import: the thin
// client (dist/quick.js), completion and the one catch read the command line through this before commander runs.
export interface GlobalArgs {
  configDir?: string;
  knownHosts?: string;
  verbose: boolean;
  /** A --config-dir or --known-hosts with no value, or an empty one. */
  incomplete: boolean;
  /** Every other argument, in order; from a standalone "--" on, all of them as they are. */
  rest: string[];
}

export function scanGlobalOptions(args: readonly string[]): GlobalArgs {
  const scanned: GlobalArgs = { verbose: false, incomplete: false, rest: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      scanned.rest.push(...args.slice(index));
      break;
    }
    if (arg === "-v" || arg === "--verbose") {
      scanned.verbose = true;
      continue;
    }
    const option = /^--(config-dir|known-hosts)(?:=(.*))?$/.exec(arg);
    if (!option) {
      scanned.rest.push(arg);
      continue;
    }
    const value = option[2] ?? args[++index];
    if (value === undefined || value === "") scanned.incomplete = true;
    else if (option[1] === "config-dir") scanned.configDir = value;
    else scanned.knownHosts = value;
  }
  return scanned;
}
