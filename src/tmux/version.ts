import { remoteError } from "../errors.js";

/** A tmux version as `tmux -V` reports it; `text` is what to show users. */
export interface TmuxVersion {
  major: number;
  minor: number;
  text: string;
}

export function tmuxVersionArgv(): string[] {
  return ["tmux", "-V"];
}

// OpenBSD ships tmux from its own tree ("tmux openbsd-7.4"): map each release to the last tmux release before it,
// so a feature is only assumed once upstream had released it.
const OPENBSD_TMUX: readonly (readonly [openbsd: number, major: number, minor: number])[] = [
  [7.6, 3, 5],
  [7.5, 3, 4],
  [7.2, 3, 3],
  [6.9, 3, 2],
  [6.7, 3, 1],
  [6.5, 2, 9],
];

// Parses `tmux -V` output: "tmux 3.3a", "tmux 3.0", "tmux next-3.4" (a build of the coming 3.4), "tmux 3.4-rc",
// "tmux master" (a git build: newer than any release), "tmux openbsd-7.4". tmux names itself as it was called, so a
// wrapper that runs the real binary as tmux.real (one that counts starts) prints "tmux.real 3.3a": any first word.
export function parseTmuxVersion(output: string, host?: string): TmuxVersion {
  const text = output.trim().replace(/^\S*tmux\S*\s+/, "");
  const release = /^(?:next-)?(\d+)\.(\d+)/.exec(text);
  if (release !== null) return { major: Number(release[1]), minor: Number(release[2]), text };
  if (text === "master") return { major: Number.POSITIVE_INFINITY, minor: 0, text };
  const openbsd = /^openbsd-(\d+\.\d+)/.exec(text);
  if (openbsd !== null) {
    const [, major, minor] = OPENBSD_TMUX.find(([release]) => Number(openbsd[1]) >= release) ?? [0, 2, 0];
    return { major, minor, text };
  }
  const where = host === undefined ? "" : ` on ${host}`;
  throw remoteError(`could not read the tmux version${where}: "tmux -V" printed ${JSON.stringify(output.trim())}`, {
    hint: "moor needs tmux on the remote PATH; check with: ssh HOST tmux -V",
  });
}

/** Negative when a is older than b, zero when equal (letters like "3.3a" are ignored), positive when newer. */
export function compareTmuxVersions(
  a: Pick<TmuxVersion, "major" | "minor">,
  b: Pick<TmuxVersion, "major" | "minor">,
): number {
  if (a.major !== b.major) return a.major > b.major ? 1 : -1;
  return a.minor === b.minor ? 0 : a.minor > b.minor ? 1 : -1;
}
