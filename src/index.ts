/** rampart's programmatic API: scan files, the rules, and the reporters. */
export { scan, type ScanOptions, type ScanResult } from './engine/run.js';
export { BUILT_IN_RULES, findRule } from './rules-api/registry.js';
export { defineRule } from './rules-api/define-rule.js';
export { loadYamlRules, loadYamlRuleSet, type SkippedRule, type YamlRuleOptions, type YamlRuleSet } from './semgrep/load.js';
export type { Finding, FindingFlow, Rule, RuleContext, RuleMeta } from './rules-api/rule-types.js';
export { formatSarif, buildSarif } from './report/sarif.js';
export { formatJson } from './report/json.js';
export { formatText } from './report/text.js';
export { runCli } from './cli/main.js';
