import { Command } from "commander";
import type { RuntimeHolder } from "../runtime.js";

// Placeholder until the command lands: registered so the command tree is complete.
export function reviveCommand(_runtime: RuntimeHolder): Command {
  return new Command("revive").description("(not yet available)");
}
