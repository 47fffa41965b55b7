import type { TestedTmux } from "../../src/tmux/tested.js";

// The test boxes' tmux releases, each the package of one Debian suite (docker/provision-releases.sh builds the
// bases). Tests name a release by its major.minor: startBox({ tmux: "3.5" }).
export const TMUX_RELEASES = {
  "3.1": { suite: "bullseye", tmux: "3.1c" },
  "3.3": { suite: "bookworm", tmux: "3.3a" },
  "3.5": { suite: "trixie", tmux: "3.5a" },
  "3.8": { suite: "sid", tmux: "3.8" },
} as const satisfies Record<string, { suite: string; tmux: TestedTmux }>;

export type TmuxRelease = keyof typeof TMUX_RELEASES;

/** Every release, oldest first. */
export const RELEASES = Object.keys(TMUX_RELEASES) as TmuxRelease[];

export const DEFAULT_RELEASE: TmuxRelease = "3.3";

export function isTmuxRelease(value: string): value is TmuxRelease {
  return Object.hasOwn(TMUX_RELEASES, value);
}

// The release a box gets when the test does not name one: MOOR_TEST_TMUX (the compat projects set it), else 3.3.
export function defaultRelease(): TmuxRelease {
  const wanted = process.env.MOOR_TEST_TMUX;
  if (wanted === undefined || wanted === "") return DEFAULT_RELEASE;
  if (!isTmuxRelease(wanted)) {
    throw new Error(`MOOR_TEST_TMUX=${wanted} names no test box: use one of ${Object.keys(TMUX_RELEASES).join(", ")}`);
  }
  return wanted;
}

// The base a release's box builds FROM. MOOR_TEST_BASE_IMAGE names bookworm's (moor-base:bookworm from
// docker/provision.sh, or debian:bookworm-slim where a registry answers); the others are named alike.
export function releaseBaseImage(release: TmuxRelease): string {
  const bookworm = process.env.MOOR_TEST_BASE_IMAGE ?? "debian:bookworm-slim";
  if (release === DEFAULT_RELEASE) return bookworm;
  if (!bookworm.includes("bookworm")) {
    throw new Error(
      `cannot derive tmux ${release}'s base image from MOOR_TEST_BASE_IMAGE=${bookworm} (no "bookworm" in it)`,
    );
  }
  return bookworm.replace("bookworm", TMUX_RELEASES[release].suite);
}
