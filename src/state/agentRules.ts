import builtIn from "./rules/agents.json" with { type: "json" };
import { parseRulesFile } from "./parseRules.js";
import type {
  AgentSpec,
  DialogSpec,
  InputSpec,
  LearnSpec,
  RegionSpec,
  RuleSpec,
  RuleState,
  RulesFile,
} from "./ruleTypes.js";

/** A rule ready to run: its patterns compiled. */
export interface Rule {
  id: string;
  state: RuleState;
  reason: string;
  region: RegionSpec;
  any: RegExp[];
  all: RegExp[];
  none: RegExp[];
}

export interface Agent {
  name: string;
  label: string;
  commands: string[];
  title: RegExp[];
  screen: { commands: string[]; any: RegExp[] } | undefined;
  rules: Rule[];
  otherwise: "activity" | RuleState;
  submit: { settleMs: number; maxWaitMs: number } | undefined;
  resume: Resume | undefined;
  dialog: Dialog | undefined;
  input: InputBox | undefined;
}

/** An agent's input box rule (agents.json "input"), compiled. */
export interface InputBox {
  region: RegionSpec;
  line: RegExp;
  between: [RegExp, RegExp] | undefined;
  empty: RegExp[];
}

const compileInput = (input: InputSpec): InputBox => ({
  region: input.region ?? "screen",
  line: new RegExp(input.line, "u"),
  between:
    input.between === undefined ? undefined : [new RegExp(input.between[0], "u"), new RegExp(input.between[1], "u")],
  empty: compile(input.empty),
});

/** An agent's dialog rule (agents.json "dialog"), its patterns compiled. */
export interface Dialog {
  region: RegionSpec;
  question: RegExp[];
  option: RegExp | undefined;
  row: RegExp | undefined;
  pick: "digit" | "arrows";
  prev: string;
  next: string;
  confirm: string;
  yes: RegExp;
  no: RegExp;
}

/** How revive resumes the agent's conversation (ResumeSpec, with the older list form read as "latest" alone). */
interface Resume {
  latest: string[];
  id: string[] | undefined;
  launch: string[] | undefined;
  learn: LearnSpec | undefined;
  version: string[] | undefined;
}

function compileResume(resume: AgentSpec["resume"]): Resume | undefined {
  if (resume === undefined) return undefined;
  if (Array.isArray(resume))
    return { latest: resume, id: undefined, launch: undefined, learn: undefined, version: undefined };
  return {
    latest: resume.latest,
    id: resume.id,
    launch: resume.launch,
    learn: resume.learn,
    version: resume.version,
  };
}

/** Every agent moor knows, in the order recognition tries them (a user's agents first). */
export interface AgentRules {
  agents: Agent[];
}

const compile = (patterns: readonly string[] | undefined, ignoreCase = false): RegExp[] =>
  (patterns ?? []).map((pattern) => new RegExp(pattern, ignoreCase ? "iu" : "u"));

function compileRule(rule: RuleSpec): Rule {
  const ignoreCase = rule.ignoreCase === true;
  return {
    id: rule.id,
    state: rule.state,
    reason: rule.reason ?? `rule ${rule.id} matched`,
    region: rule.region,
    any: compile(rule.any, ignoreCase),
    all: compile(rule.all, ignoreCase),
    none: compile(rule.none, ignoreCase),
  };
}

function compileDialog(dialog: DialogSpec): Dialog {
  const one = (pattern: string | undefined) => (pattern === undefined ? undefined : new RegExp(pattern, "u"));
  return {
    region: dialog.region,
    question: compile(dialog.question),
    option: one(dialog.option),
    row: one(dialog.row),
    pick: dialog.pick,
    prev: dialog.prev ?? "Up",
    next: dialog.next ?? "Down",
    confirm: dialog.confirm ?? "Enter",
    yes: new RegExp(dialog.yes, "iu"),
    no: new RegExp(dialog.no, "iu"),
  };
}

function compileAgent(agent: AgentSpec): Agent {
  return {
    name: agent.name,
    label: agent.label ?? agent.name,
    commands: agent.match?.commands ?? [agent.name],
    title: compile(agent.match?.title),
    screen:
      agent.match?.screen === undefined
        ? undefined
        : { commands: agent.match.screen.commands, any: compile(agent.match.screen.any) },
    rules: (agent.rules ?? []).filter((rule) => rule.disabled !== true).map(compileRule),
    otherwise: agent.otherwise ?? "activity",
    submit: agent.submit,
    resume: compileResume(agent.resume),
    dialog: agent.dialog === undefined ? undefined : compileDialog(agent.dialog),
    input: agent.input === undefined ? undefined : compileInput(agent.input),
  };
}

// A user's agent of the same name overrides moor's field by field; its rules replace moor's rule of the same id
// (or drop it, with "disabled": true) and add the others after moor's.
function mergeAgent(base: AgentSpec, user: AgentSpec): AgentSpec {
  const rules = [...(base.rules ?? [])];
  for (const rule of user.rules ?? []) {
    const at = rules.findIndex((candidate) => candidate.id === rule.id);
    if (at === -1) rules.push(rule);
    else rules[at] = rule;
  }
  return { ...base, ...user, rules };
}

// moor's rules with a user's file merged in by agent name; user agents moor does not know are tried first.
export function mergeRules(base: RulesFile, user: RulesFile | undefined): RulesFile {
  if (user === undefined) return base;
  const byName = new Map(user.agents.map((agent) => [agent.name, agent]));
  const merged = base.agents.map((agent) => {
    const override = byName.get(agent.name);
    return override === undefined ? agent : mergeAgent(agent, override);
  });
  const added = user.agents.filter((agent) => !base.agents.some((known) => known.name === agent.name));
  return { version: 1, agents: [...added, ...merged] };
}

export function compileRules(file: RulesFile): AgentRules {
  return { agents: file.agents.map(compileAgent) };
}

// The rules moor ships (src/state/rules/agents.json), checked as strictly as a user's.
export function builtInRulesFile(): RulesFile {
  return parseRulesFile(JSON.stringify(builtIn), "moor's built-in agents.json");
}

let builtInCompiled: AgentRules | undefined;

// moor's rules, compiled once; with a user's file (its text, and where it is for messages) merged in.
export function agentRules(user?: { text: string; where: string }): AgentRules {
  if (user === undefined) return (builtInCompiled ??= compileRules(builtInRulesFile()));
  return compileRules(mergeRules(builtInRulesFile(), parseRulesFile(user.text, user.where)));
}
