import { Command } from "commander";
import type { RuntimeHolder } from "../runtime.js";

// Placeholder until the command lands: registered so the command tree is complete.
export function sendCommand(_runtime: RuntimeHolder): Command {
  return new Command("send").description("(not yet available)");
}
