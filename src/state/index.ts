// The state engine's public face, for core and for tests: decide one pane's state from one observation, or
// track panes across polls with a debounce.
export { agentRules, builtInRulesFile, compileRules, mergeRules, type Agent, type AgentRules } from "./agentRules.js";
export { decidePaneState, DEFAULT_IDLE_SECONDS } from "./decideState.js";
export { answerKeys, chosenOption, questionOf, type Choice, type Question, type QuestionOption } from "./question.js";
export { inputText } from "./inputBox.js";
export { parseRulesFile } from "./parseRules.js";
export { programName, recognizeAgent } from "./recognizeAgent.js";
export { StateTracker, type TrackedState } from "./stateTracker.js";
export { SESSION_STATES, type Decision, type PaneObservation, type SessionState } from "./types.js";
export type { LearnSpec } from "./ruleTypes.js";
