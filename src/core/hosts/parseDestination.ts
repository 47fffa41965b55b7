import { usageError } from "../../errors.js";

export interface Destination {
  user?: string;
  hostname: string;
}

// DEST as ssh takes it: [user@]hostname (an IPv6 address may be bracketed).
export function parseDestination(text: string): Destination {
  const match = /^(?:([^@\s:]+)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+|[0-9A-Fa-f:]+)$/.exec(text);
  if (!match?.[2]) {
    throw usageError(
      `invalid destination ${JSON.stringify(text)}: expected [user@]hostname`,
      `for example "me@gpu1.example.com"; give the port with -p`,
    );
  }
  const hostname = match[2].replace(/^\[|\]$/g, "");
  return { hostname, ...(match[1] ? { user: match[1] } : {}) };
}
