import type { CreatedSession } from "../../core/sessions/createSession.js";
import type { CliIo } from "../io.js";

// A command as the user typed it: a command line run by sh shows as that line.
function showCommand(argv: string[] | null): string {
  if (argv === null) return "(shell)";
  const [program, flag, line] = argv;
  return program === "sh" && flag === "-c" && argv.length === 3 ? (line ?? "") : argv.join(" ");
}

// The lines `moor new` and `moor revive` print about the session they made.
export function renderCreated(io: CliIo, verb: string, created: CreatedSession): void {
  const lines = [`${verb} ${io.out.bold(created.target)}`, `  command  ${showCommand(created.command)}`];
  if (created.windows.length > 0)
    lines.push(
      `  windows  ${created.windows.map((w) => (w.command === null ? w.name : `${w.name} (${showCommand(w.command)})`)).join(", ")}`,
    );
  if (created.cwd !== null) lines.push(`  cwd      ${created.cwd}`);
  lines.push(`  log      ${created.log === null ? "off (--no-log)" : `~/${created.log}`}`);
  io.print(lines.join("\n"));
}
