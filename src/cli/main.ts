#!/usr/bin/env node
import { run } from "./run.js";

// The process boundary: everything above returns an exit code; only here does the process end.
const code = await run(process.argv);
process.stdout.write("", () => process.exit(code));
