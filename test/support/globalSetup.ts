import { getContainerRuntimeClient } from "testcontainers";
import type { TestProject } from "vitest/node";
import { boxImage } from "./boxImage.js";
import { DEFAULT_RELEASE, isTmuxRelease } from "./tmuxReleases.js";

const ADVICE = "run `. docker/provision.sh` (or start Docker Desktop) and try again";

// Integration tests need real boxes: without a Docker engine they fail here with advice, never skip.
export default async function setup(project: TestProject): Promise<void> {
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    throw new Error(`no Docker engine answers: ${ADVICE}`, { cause: error });
  }
  // Build the project's box images once up front, so test files only hit Docker's layer cache: a compat project's
  // release (its MOOR_TEST_TMUX), else the default release with and without tmux.
  const env = (project.config.env as Record<string, string | undefined> | undefined) ?? {};
  const wanted = env.MOOR_TEST_TMUX ?? process.env.MOOR_TEST_TMUX;
  if (wanted !== undefined && wanted !== "" && !isTmuxRelease(wanted))
    throw new Error(`MOOR_TEST_TMUX=${wanted} names no test box`);
  const release = wanted !== undefined && isTmuxRelease(wanted) ? wanted : DEFAULT_RELEASE;
  await Promise.all(
    release === DEFAULT_RELEASE
      ? [boxImage({ release, tmux: true }), boxImage({ release, tmux: false })]
      : [boxImage({ release, tmux: true })],
  );
}
