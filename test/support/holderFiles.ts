// The e2e files of the one-shot verbs, which the integration-holder project runs again with the background holder on
// (vitest.config.ts): every verb a user runs through a warm holder is checked both ways.
export const HOLDER_FILES = [
  "test/e2e/ls.test.ts",
  "test/e2e/peek.test.ts",
  "test/e2e/send.test.ts",
  "test/e2e/status.test.ts",
  "test/e2e/capture.test.ts",
  "test/e2e/kill.test.ts",
  "test/e2e/note.test.ts",
  "test/e2e/new.test.ts",
  "test/e2e/revive.test.ts",
] as const;
