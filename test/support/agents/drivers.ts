import { agentVersions } from "../agentImage.js";

export type AgentName = "claude" | "codex" | "opencode" | "gemini";

// How a test drives one real agent in the agent box: what it runs, what its screen shows at its input
// prompt and at a permission question, the keys that approve once, and the command that quits it.
export interface AgentDriver {
  name: AgentName;
  version: string;
  /** What `moor new … -- COMMAND` runs. */
  command: string[];
  /** On screen while the agent waits at its input prompt (the test bed's own check, not moor's rules). */
  ready: RegExp;
  /** On screen while it asks to run the fake model's shell command. */
  asking: RegExp;
  /** tmux keys that answer the question with "yes, once". */
  approve: string[];
  /** Typed, then Enter, to quit. */
  quit: string;
  /** On screen at the first start in a folder it does not trust, where it asks before anything else. */
  trust?: RegExp;
}

const versions = agentVersions();

export const DRIVERS: Record<AgentName, AgentDriver> = {
  claude: {
    name: "claude",
    version: versions.claude,
    command: ["claude"],
    ready: /\? for shortcuts/,
    asking: /Do you want to proceed\?/,
    approve: ["Enter"],
    quit: "/exit",
    trust: /trust this folder/,
  },
  codex: {
    name: "codex",
    version: versions.codex,
    command: ["codex"],
    ready: /\? for shortcuts/,
    asking: /Would you like to run the following command\?/,
    approve: ["Enter"],
    quit: "/quit",
  },
  opencode: {
    name: "opencode",
    version: versions.opencode,
    command: ["opencode"],
    ready: /ctrl\+p commands/,
    asking: /Permission required/,
    approve: ["Enter"],
    quit: "/exit",
  },
  gemini: {
    name: "gemini",
    version: versions.gemini,
    command: ["gemini"],
    ready: /Type your message/,
    asking: /Allow execution of/,
    approve: ["Enter"],
    quit: "/quit",
    trust: /Do you trust this folder|trust.*folder/,
  },
};

export const AGENT_NAMES = Object.keys(DRIVERS) as AgentName[];

/** The project directory every agent runs in (trusted by configure-agents). */
export const PROJECT_DIR = "/home/moor/proj";
