import { defineConfig } from "vitest/config";

// Unit tests are pure and fast; integration and e2e tests talk to real sshd+tmux boxes in containers.
export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 10_000 } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ["test/support/globalSetup.ts"],
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
