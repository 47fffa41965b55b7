// The state engine's public face, for core and for tests: decide one pane's state from one observation, or
// track panes across polls with a debounce.
export {
  agentRules,
  builtInRulesFile,
  compileRules,
  mergeRules,
  type Agent,
  type Resume,
  type AgentRules,
  type Dialog,
  type InputBox,
  type Rule,
} from "./agentRules.js";
export { decidePaneState, DEFAULT_IDLE_SECONDS, type DecideOptions } from "./decideState.js";
export {
  answerKeys,
  chosenOption,
  optionsText,
  parseChoice,
  questionOf,
  readQuestion,
  type Choice,
  type Question,
  type QuestionOption,
} from "./question.js";
export { inputText } from "./inputBox.js";
export { parseRulesFile } from "./parseRules.js";
export { programName, recognizeAgent, type Recognition } from "./recognizeAgent.js";
export { StateTracker, DEFAULT_DEBOUNCE_MS, type TrackedState, type TrackerOptions } from "./stateTracker.js";
export { SESSION_STATES, type Decision, type Evidence, type PaneObservation, type SessionState } from "./types.js";
export type { AgentSpec, DialogSpec, InputSpec, LearnSpec, RegionSpec, RuleSpec, RulesFile } from "./ruleTypes.js";
