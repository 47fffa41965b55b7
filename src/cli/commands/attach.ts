import { Command } from "commander";
import type { RuntimeHolder } from "../runtime.js";

// Placeholder until the command lands: registered so the command tree is complete.
export function attachCommand(_runtime: RuntimeHolder): Command {
  return new Command("attach").description("(not yet available)");
}
