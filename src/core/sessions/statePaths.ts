// Where moor keeps a session's files on the remote, beside the work, relative to the login's home
// (ssh commands and SFTP both start there): the log, the recorded spec (for revive) and the notes.
export const STATE_ROOT = ".local/state/moor";

export const sessionStateDir = (session: string): string => `${STATE_ROOT}/${session}`;
export const sessionLogPath = (session: string): string => `${sessionStateDir(session)}/output.log`;
export const sessionSpecPath = (session: string): string => `${sessionStateDir(session)}/spec.json`;
export const sessionNotesPath = (session: string): string => `${sessionStateDir(session)}/notes.md`;
