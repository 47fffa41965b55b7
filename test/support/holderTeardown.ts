import { afterAll } from "vitest";
import { worldsWithHolder } from "./cli.js";
import { holderPids, stopHolder } from "./holder.js";

// A setup file of the integration-holder project: after each test file, the holders its worlds started are stopped
// (moor daemon stop, then any process of theirs still there is killed), so none outlives the run (.ci/holders-left.sh).
afterAll(async () => {
  for (const world of worldsWithHolder.splice(0)) {
    await stopHolder(world);
    for (const pid of await holderPids(world)) process.kill(pid, "SIGKILL");
  }
});
