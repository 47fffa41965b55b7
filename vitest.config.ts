import { defineConfig } from "vitest/config";
import { COMPAT_FILES, COMPAT_RELEASES } from "./test/support/compat.js";
import { HOLDER_FILES } from "./test/support/holderFiles.js";

const boxes = {
  testTimeout: 120_000,
  hookTimeout: 180_000,
  globalSetup: ["test/support/globalSetup.ts"],
  fileParallelism: true,
};

// Unit tests are pure and fast; integration and e2e tests talk to real sshd+tmux boxes in containers (tmux 3.3a),
// and the one-shot verbs' files run a second time with the background holder on (integration-holder).
// Then the compatibility projects, one per other tmux release, run the e2e files of every tmux command moor issues
// against boxes of that release (MOOR_TEST_TMUX), three files at a time across the three.
export default defineConfig({
  test: {
    // `npm run test:fast` leaves out the unit tests tagged slow (real shells, child processes, whole-bundle builds);
    // `npm test` and `npm run test:unit` run them all, with time for a busy machine (on 2 cores at a load of 30,
    // the fish fuzz took 42 s and failed the unit project's 10 s).
    tags: [
      {
        name: "slow",
        description: "a unit test that takes seconds: it spawns shells or processes, or bundles",
        timeout: 60_000,
      },
    ],
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 10_000 } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          ...boxes,
          maxWorkers: 2,
        },
      },
      // The one-shot verbs' e2e files again, with the background holder on as users get it (MOOR_TEST_HOLDER):
      // both runs must pass the same assertions, so stdout and exit codes are the same either way.
      {
        test: {
          name: "integration-holder",
          include: [...HOLDER_FILES],
          env: { MOOR_TEST_HOLDER: "on" },
          setupFiles: ["test/support/holderTeardown.ts"],
          ...boxes,
          maxWorkers: 2,
        },
      },
      ...COMPAT_RELEASES.map((release) => ({
        test: {
          name: `compat-${release}`,
          include: [...COMPAT_FILES],
          env: { MOOR_TEST_TMUX: release },
          ...boxes,
          // A group's pool size is its projects' maxWorkers: three files at once across the three projects.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      })),
    ],
  },
});
