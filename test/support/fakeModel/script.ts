import type { ApiRequest } from "./api.js";

// The words a test puts in a prompt to choose what the fake model does with it. Decided from the text of
// the latest user turn, never from a request counter (agents send title, routing and other side requests).
export const PROMPTS = {
  /** Stream text for about 10 s: the agent is working. */
  stream: "MOOR-STREAM",
  /** Hold the stream open with no text for about 10 s, then answer: the agent is thinking (working). */
  think: "MOOR-THINK",
  /** Call the agent's own shell tool, so that it asks permission (three options in each agent): asking. */
  tool: "MOOR-TOOL",
  /** Ask the user a question that is not a permission (Claude Code's AskUserQuestion, opencode's question). */
  ask: "MOOR-ASK",
} as const;

/** The question MOOR-ASK asks, and its options. */
export const ASKED = { question: "Which colour should the button be?", options: ["Red", "Green", "Blue"] } as const;

/** The command the tool prompt asks to run; a path outside the project so opencode asks too. */
export const TOOL_COMMAND = "touch /tmp/moor-fake-tool-ran";

export type Reply =
  | { kind: "text"; pieces: string[] }
  | { kind: "stream"; pieces: string[]; pieceMs: number }
  | { kind: "think"; ms: number; pieces: string[] }
  | { kind: "tool"; name: string; args: Record<string, unknown> }
  | { kind: "json"; value: unknown };

const STREAM_MS = 10_000;
const PIECE_MS = 250;
const AFTER_TOOL_MS = 4000;

// What to answer. Only a request offering tools is the agent's main loop; side requests get a short text.
export function replyFor(request: ApiRequest): Reply {
  if (request.jsonSchema !== undefined) return { kind: "json", value: fitSchema(request.jsonSchema) };
  const text = request.userText ?? "";
  // A pause before answering a tool's result, so the screen right after an approval is a working one.
  if (request.toolResult) return { kind: "think", ms: AFTER_TOOL_MS, pieces: ["The command ran. ", "Done."] };
  if (request.tools.size === 0) return { kind: "text", pieces: ["Fake title"] };
  if (text.includes(PROMPTS.tool)) {
    const tool = shellTool(request.tools);
    if (tool !== undefined) return { kind: "tool", name: tool[0], args: shellArgs(tool[1]) };
  }
  if (text.includes(PROMPTS.ask)) {
    const name = QUESTION_NAMES.find((candidate) => request.tools.has(candidate));
    if (name !== undefined) return { kind: "tool", name, args: questionArgs() };
  }
  if (text.includes(PROMPTS.stream)) {
    const count = STREAM_MS / PIECE_MS;
    return {
      kind: "stream",
      pieceMs: PIECE_MS,
      pieces: Array.from({ length: count }, (_, i) => `word${i + 1} `).concat(["\nStreamed."]),
    };
  }
  if (text.includes(PROMPTS.think)) return { kind: "think", ms: STREAM_MS, pieces: ["Thought it over."] };
  return { kind: "text", pieces: ["Hello from the fake model."] };
}

const QUESTION_NAMES = ["AskUserQuestion", "question"];

// Claude Code's AskUserQuestion and opencode's question take the same shape.
function questionArgs(): Record<string, unknown> {
  return {
    questions: [
      {
        question: ASKED.question,
        header: "Colour",
        multiSelect: false,
        options: ASKED.options.map((label) => ({ label, description: `a ${label.toLowerCase()} one` })),
      },
    ],
  };
}

const SHELL_NAMES = ["Bash", "bash", "shell", "exec_command", "shell_command", "run_shell_command", "local_shell"];

function shellTool(tools: Map<string, unknown>): [string, unknown] | undefined {
  for (const name of SHELL_NAMES) if (tools.has(name)) return [name, tools.get(name)];
  return undefined;
}

// The shell tool's arguments, built from its schema: the command as a string or an argv, a description,
// and whatever asks for the user's approval (Codex runs sandboxed commands without asking otherwise).
function shellArgs(schema: unknown): Record<string, unknown> {
  const props = properties(schema);
  const args: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props)) {
    const type = (prop as { type?: unknown }).type;
    if (name === "command" || name === "cmd")
      args[name] = type === "array" ? ["bash", "-lc", TOOL_COMMAND] : TOOL_COMMAND;
    else if (name === "description") args[name] = "Create a marker file for the test";
    else if (name === "justification") args[name] = "The test needs this command to run outside the sandbox";
    else if (name === "sandbox_permissions") args[name] = "require_escalated";
    else if (name === "with_escalated_permissions") args[name] = true;
  }
  if (Object.keys(args).length === 0) args.command = TOOL_COMMAND;
  return args;
}

function properties(schema: unknown): Record<string, unknown> {
  const props = (schema as { properties?: unknown } | null)?.properties;
  return typeof props === "object" && props !== null ? (props as Record<string, unknown>) : {};
}

// A value that fits a JSON schema: "user" where an enum offers it (Gemini's next-speaker check ends the
// turn), the first choice otherwise.
export function fitSchema(schema: unknown): unknown {
  const s = (schema ?? {}) as {
    type?: unknown;
    enum?: unknown[];
    properties?: Record<string, unknown>;
    items?: unknown;
    anyOf?: unknown[];
  };
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.includes("user") ? "user" : s.enum[0];
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0) return fitSchema(s.anyOf[0]);
  const type = String(
    Array.isArray(s.type) ? s.type[0] : (s.type ?? (s.properties ? "object" : "string")),
  ).toLowerCase();
  if (type === "object")
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, fitSchema(value)]));
  if (type === "array") return [];
  if (type === "number" || type === "integer") return 0;
  if (type === "boolean") return false;
  return "fake";
}
