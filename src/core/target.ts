import { usageError } from "../errors.js";
import { validateName } from "./names.js";

export interface Target {
  host: string;
  session?: string;
  window?: string;
}

export interface SessionTarget extends Target {
  session: string;
}

// What a command takes: HOST alone, HOST:SESSION, HOST:SESSION:WINDOW, in the combinations it allows.
export interface TargetGrammar {
  session: "required" | "optional" | "none";
  window: "allowed" | "none";
  /** The verb named in messages: "moor kill needs a session". */
  command?: string;
  /** The hint when the shape does not fit the command; given the usual one (write the shape it takes). */
  hint?: (target: Target, usual: string) => string;
}

// The one HOST[:SESSION[:WINDOW]] grammar. Everything is refused with exit 2 before any connection: a malformed
// target, a session or window name outside the name rule, and a shape the command does not take. The host is only
// split off here: whether it names a host is for the resolver (exit 5).
export function parseTarget(text: string, grammar: TargetGrammar & { session: "required" }): SessionTarget;
export function parseTarget(text: string, grammar: TargetGrammar): Target;
export function parseTarget(text: string, grammar: TargetGrammar): Target {
  const shape = shapeText(grammar);
  const parts = text.split(":");
  if (text === "") throw usageError(`missing target: expected ${shape}`, `for example ${example(grammar)}`);
  if (parts.length > 3 || parts.some((part) => part === ""))
    throw usageError(
      `invalid target ${JSON.stringify(text)}: expected ${shape}`,
      `names may not contain ':'; for example ${example(grammar)}`,
    );
  const [host = "", session, window] = parts;
  const target: Target = {
    host,
    ...(session === undefined ? {} : { session: validateName("session", session) }),
    ...(window === undefined ? {} : { window: validateName("window", window) }),
  };
  const verb = grammar.command === undefined ? "this command" : `moor ${grammar.command}`;
  const hint = (usual: string): string => grammar.hint?.(target, usual) ?? usual;
  if (grammar.session === "required" && session === undefined)
    throw usageError(
      `${verb} needs a session: got only the host ${JSON.stringify(host)}`,
      hint(`write HOST:SESSION, for example "${host}:agent"; "moor ls ${host}" lists its sessions`),
    );
  if (grammar.session === "none" && session !== undefined)
    throw usageError(`${verb} takes ${shape}, not a session: got ${JSON.stringify(text)}`, hint(`write "${host}"`));
  if (grammar.window === "none" && window !== undefined)
    throw usageError(
      `${verb} takes ${shape}, not a window: got ${JSON.stringify(text)}`,
      hint(`write "${formatTarget({ host, ...(session === undefined ? {} : { session }) })}"`),
    );
  return target;
}

// HOST, HOST:SESSION or HOST:SESSION:WINDOW, as the user writes it: for messages, keys and output.
export function formatTarget({ host, session, window }: Target): string {
  return [host, ...(session === undefined ? [] : [session]), ...(window === undefined ? [] : [window])].join(":");
}

function shapeText({ session, window }: TargetGrammar): string {
  const shapes = [
    ...(session === "required" ? [] : ["HOST"]),
    ...(session === "none" ? [] : ["HOST:SESSION"]),
    ...(session === "none" || window === "none" ? [] : ["HOST:SESSION:WINDOW"]),
  ];
  return shapes.length === 1 ? (shapes[0] ?? "") : `${shapes.slice(0, -1).join(", ")} or ${shapes.at(-1) ?? ""}`;
}

const example = ({ session }: TargetGrammar): string => (session === "none" ? `"box1"` : `"box1:agent"`);

// The HOST of a target still being typed (completion): undefined until its first ':'.
export function typedHost(text: string): string | undefined {
  const colon = text.indexOf(":");
  return colon === -1 ? undefined : text.slice(0, colon);
}
