import { usageError } from "../errors.js";
import type {
  AgentSpec,
  DialogSpec,
  InputSpec,
  LearnSpec,
  MatchSpec,
  RegionSpec,
  ResumeSpec,
  RuleSpec,
  RulesFile,
} from "./ruleTypes.js";

const RULE_STATES = new Set(["asking", "working", "waiting"]);
const OTHERWISE = new Set(["activity", ...RULE_STATES]);

type Obj = Record<string, unknown>;

class Reader {
  constructor(readonly where: string) {}

  fail(path: string, why: string): never {
    throw usageError(
      `${this.where}: ${path === "" ? "" : `${path} `}${why}`,
      `fix or remove ${this.where}; the format is described in moor's src/state/rules/README.md`,
    );
  }

  object(value: unknown, path: string): Obj {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      this.fail(path, `must be an object, got ${JSON.stringify(value)}`);
    return value as Obj;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== "string" || value === "")
      this.fail(path, `must be a non-empty string, got ${JSON.stringify(value)}`);
    return value;
  }

  patterns(value: unknown, path: string, ignoreCase = false): string[] {
    if (!Array.isArray(value)) this.fail(path, `must be a list of regular expressions, got ${JSON.stringify(value)}`);
    return value.map((item, index) => {
      const pattern = this.string(item, `${path}[${String(index)}]`);
      try {
        new RegExp(pattern, ignoreCase ? "iu" : "u");
      } catch (error) {
        this.fail(`${path}[${String(index)}]`, `is not a regular expression: ${(error as Error).message}`);
      }
      return pattern;
    });
  }

  count(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 500)
      this.fail(path, `must be a whole number from 0 to 500, got ${JSON.stringify(value)}`);
    return value;
  }
}

function readRegion(r: Reader, value: unknown, path: string): RegionSpec {
  if (value === "screen" || value === "title") return value;
  const region = r.object(value, path);
  if ("last" in region) return { last: Math.max(1, r.count(region.last, `${path}.last`)) };
  if ("cursor" in region) {
    const cursor = r.object(region.cursor, `${path}.cursor`);
    return {
      cursor: {
        above: r.count(cursor.above ?? 0, `${path}.cursor.above`),
        below: r.count(cursor.below ?? 0, `${path}.cursor.below`),
      },
    };
  }
  return r.fail(
    path,
    `must be "screen", "title", {"last": N} or {"cursor": {"above": N, "below": N}}, got ${JSON.stringify(value)}`,
  );
}

function readRule(r: Reader, value: unknown, path: string): RuleSpec {
  const rule = r.object(value, path);
  const id = r.string(rule.id, `${path}.id`);
  if (rule.disabled === true) return { id, disabled: true, state: "waiting", region: "screen" };
  if (typeof rule.state !== "string" || !RULE_STATES.has(rule.state))
    r.fail(`${path}.state`, `must be "asking", "working" or "waiting", got ${JSON.stringify(rule.state)}`);
  const ignoreCase = rule.ignoreCase === true;
  const spec: RuleSpec = {
    id,
    state: rule.state as RuleSpec["state"],
    region: readRegion(r, rule.region, `${path}.region`),
    ...(ignoreCase ? { ignoreCase } : {}),
  };
  if (rule.reason !== undefined) spec.reason = r.string(rule.reason, `${path}.reason`);
  for (const key of ["any", "all", "none"] as const)
    if (rule[key] !== undefined) spec[key] = r.patterns(rule[key], `${path}.${key}`, ignoreCase);
  if ((spec.any ?? []).length === 0 && (spec.all ?? []).length === 0) r.fail(path, `needs patterns in "any" or "all"`);
  return spec;
}

function readMatch(r: Reader, value: unknown, path: string): MatchSpec {
  const match = r.object(value, path);
  const spec: MatchSpec = {};
  if (match.commands !== undefined) {
    if (!Array.isArray(match.commands)) r.fail(`${path}.commands`, "must be a list of program names");
    spec.commands = match.commands.map((item, index) => r.string(item, `${path}.commands[${String(index)}]`));
  }
  if (match.title !== undefined) spec.title = r.patterns(match.title, `${path}.title`);
  if (match.screen !== undefined) {
    const screen = r.object(match.screen, `${path}.screen`);
    if (!Array.isArray(screen.commands)) r.fail(`${path}.screen.commands`, "must be a list of program names");
    spec.screen = {
      commands: screen.commands.map((item, index) => r.string(item, `${path}.screen.commands[${String(index)}]`)),
      any: r.patterns(screen.any, `${path}.screen.any`),
    };
  }
  return spec;
}

function readSubmit(r: Reader, value: unknown, path: string): NonNullable<AgentSpec["submit"]> {
  const submit = r.object(value, path);
  const ms = (field: unknown, at: string): number => {
    if (typeof field !== "number" || !Number.isInteger(field) || field < 0 || field > 10_000)
      r.fail(at, `must be a whole number of milliseconds from 0 to 10000, got ${JSON.stringify(field)}`);
    return field;
  };
  return { settleMs: ms(submit.settleMs, `${path}.settleMs`), maxWaitMs: ms(submit.maxWaitMs, `${path}.maxWaitMs`) };
}

function readDialog(r: Reader, value: unknown, path: string): DialogSpec {
  const dialog = r.object(value, path);
  const one = (field: unknown, at: string): string => r.patterns([field], at)[0] ?? r.fail(at, "is missing");
  if (dialog.pick !== "digit" && dialog.pick !== "arrows")
    r.fail(`${path}.pick`, `must be "digit" or "arrows", got ${JSON.stringify(dialog.pick)}`);
  if ((dialog.option === undefined) === (dialog.row === undefined)) r.fail(path, `needs one of "option" or "row"`);
  const spec: DialogSpec = {
    region: readRegion(r, dialog.region, `${path}.region`),
    question: r.patterns(dialog.question, `${path}.question`),
    pick: dialog.pick,
    yes: one(dialog.yes, `${path}.yes`),
    no: one(dialog.no, `${path}.no`),
  };
  if (dialog.option !== undefined) spec.option = one(dialog.option, `${path}.option`);
  if (dialog.row !== undefined) spec.row = one(dialog.row, `${path}.row`);
  for (const key of ["prev", "next", "confirm"] as const)
    if (dialog[key] !== undefined) spec[key] = r.string(dialog[key], `${path}.${key}`);
  return spec;
}

function readInput(r: Reader, value: unknown, path: string): InputSpec {
  const input = r.object(value, path);
  const [line] = r.patterns([input.line], `${path}.line`);
  if (line === undefined || !line.includes("(?<text>")) r.fail(`${path}.line`, `needs a named group "text"`);
  const spec: InputSpec = { line };
  if (input.region !== undefined) spec.region = readRegion(r, input.region, `${path}.region`);
  if (input.between !== undefined) {
    const [top, bottom, ...rest] = r.patterns(input.between, `${path}.between`);
    if (top === undefined || bottom === undefined || rest.length > 0)
      r.fail(`${path}.between`, "must be two patterns: the box's top row and its bottom row");
    spec.between = [top, bottom];
  }
  if (input.empty !== undefined) spec.empty = r.patterns(input.empty, `${path}.empty`);
  return spec;
}

function readAgent(r: Reader, value: unknown, path: string): AgentSpec {
  const agent = r.object(value, path);
  const name = r.string(agent.name, `${path}.name`);
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(name))
    r.fail(`${path}.name`, `must be 1-40 letters, digits, ".", "_" or "-", got ${JSON.stringify(name)}`);
  const spec: AgentSpec = { name };
  if (agent.label !== undefined) spec.label = r.string(agent.label, `${path}.label`);
  if (agent.match !== undefined) spec.match = readMatch(r, agent.match, `${path}.match`);
  if (agent.rules !== undefined) {
    if (!Array.isArray(agent.rules)) r.fail(`${path}.rules`, "must be a list of rules");
    spec.rules = agent.rules.map((rule, index) => readRule(r, rule, `${path}.rules[${String(index)}]`));
  }
  if (agent.otherwise !== undefined) {
    if (typeof agent.otherwise !== "string" || !OTHERWISE.has(agent.otherwise))
      r.fail(
        `${path}.otherwise`,
        `must be "activity", "asking", "working" or "waiting", got ${JSON.stringify(agent.otherwise)}`,
      );
    spec.otherwise = agent.otherwise as AgentSpec["otherwise"];
  }
  if (agent.submit !== undefined) spec.submit = readSubmit(r, agent.submit, `${path}.submit`);
  if (agent.resume !== undefined) spec.resume = readResume(r, agent.resume, `${path}.resume`);
  if (agent.input !== undefined) spec.input = readInput(r, agent.input, `${path}.input`);
  if (agent.dialog !== undefined) spec.dialog = readDialog(r, agent.dialog, `${path}.dialog`);
  return spec;
}

function readArgs(r: Reader, value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0) r.fail(path, "must be a list of arguments");
  return value.map((arg, index) => r.string(arg, `${path}[${String(index)}]`));
}

// The "{id}" a list must hold to name a conversation.
function withId(r: Reader, value: unknown, path: string): string[] {
  const args = readArgs(r, value, path);
  if (!args.some((arg) => arg.includes("{id}"))) r.fail(path, 'must hold "{id}", where the conversation\'s id goes');
  return args;
}

function readResume(r: Reader, value: unknown, path: string): ResumeSpec | string[] {
  if (Array.isArray(value)) return readArgs(r, value, path);
  const resume = r.object(value, path);
  const spec: ResumeSpec = {
    id: withId(r, resume.id, `${path}.id`),
    latest: readArgs(r, resume.latest, `${path}.latest`),
  };
  if (resume.launch !== undefined) spec.launch = withId(r, resume.launch, `${path}.launch`);
  if (resume.version !== undefined) spec.version = readArgs(r, resume.version, `${path}.version`);
  if (resume.learn !== undefined) spec.learn = readLearn(r, resume.learn, `${path}.learn`);
  return spec;
}

function readLearn(r: Reader, value: unknown, path: string): LearnSpec {
  const learn = r.object(value, path);
  const spec: LearnSpec = {
    id: r.string(learn.id, `${path}.id`),
    cwd: r.string(learn.cwd, `${path}.cwd`),
    created: r.string(learn.created, `${path}.created`),
  };
  if (learn.run !== undefined) spec.run = readArgs(r, learn.run, `${path}.run`);
  if (learn.files !== undefined) {
    const files = r.object(learn.files, `${path}.files`);
    spec.files = {
      under: r.string(files.under, `${path}.files.under`),
      name: r.string(files.name, `${path}.files.name`),
    };
  }
  if ((spec.run === undefined) === (spec.files === undefined)) r.fail(path, 'must have one of "run" and "files"');
  return spec;
}

// Reads an agents.json (moor's own or a user's), checking every field: a broken file is exit 2, naming the file
// and the field, never a half-applied set of rules.
export function parseRulesFile(text: string, where: string): RulesFile {
  const r: Reader = new Reader(where);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return r.fail("", `is not valid JSON: ${(error as Error).message}`);
  }
  const file = r.object(value, "the file");
  if (file.version !== 1) r.fail("version", `must be 1, got ${JSON.stringify(file.version)}`);
  if (!Array.isArray(file.agents)) r.fail("agents", "must be a list");
  return { version: 1, agents: file.agents.map((agent, index) => readAgent(r, agent, `agents[${String(index)}]`)) };
}
