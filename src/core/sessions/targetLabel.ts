import type { SessionTarget } from "../names.js";

// HOST:SESSION[:WINDOW] as the user wrote it, for messages.
export const targetLabel = ({ host, session, window }: SessionTarget): string =>
  `${host}:${session}${window === undefined ? "" : `:${window}`}`;
