/**
 * Which rules run, and at which severity: rules at or above the precision floor (`--precision`, default high:
 * the same set as ESLint's `recommended`; `--all` runs every tier), the config's `rules` (off / on / a
 * severity; naming a rule there runs it whatever its precision), then the command line (--rule narrows to the
 * listed rules, --disable removes, --rule-severity overrides). The CLI-only `unused-suppression` meta rule
 * takes part like any other rule.
 */
import type { ActiveRule } from '../engine/dispatch.js';
import { UsageError } from '../engine/problems.js';
import type { RampartConfig } from '../config/load-config.js';
import { unusedSuppression } from '../gate/unused-suppression.js';
import type { ReportedRule } from '../report/scan-report.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../rules-api/registry.js';
import type { Rule } from '../rules-api/rule-types.js';
import { isAtLeastAsPrecise, isSeverity, type Severity } from '../taxonomy/severity.js';
import type { CliArguments } from './args.js';

export interface RuleSelection {
  /** Rules the engine dispatches. */
  readonly active: readonly ActiveRule[];
  /** Severity of unused-suppression findings; null when that rule is off. */
  readonly metaSeverity: Severity | null;
  /** Every rule that runs, the meta rule included, for reporters (SARIF tool.driver.rules). */
  readonly reported: readonly ReportedRule[];
}

/** Every rule id a config, a flag or a suppression comment may name: built-in rules and the loaded YAML rules. */
export function knownRuleIds(yamlRules: readonly Rule[] = []): ReadonlySet<string> {
  return new Set([...BUILT_IN_RULES.map((rule) => rule.id), ...CONFIG_FILE_RULES.map((rule) => rule.id), unusedSuppression.id, ...yamlRules.map((rule) => rule.id)]);
}

/** `yamlRules` (src/semgrep/) take part like built-in rules: on unless the config or a flag says otherwise. */
export function selectRules(
  args: Pick<CliArguments, 'onlyRules' | 'disabledRules' | 'severityOverrides' | 'minimumPrecision'>,
  config: Pick<RampartConfig, 'rules'>,
  yamlRules: readonly Rule[] = [],
): RuleSelection {
  const known = knownRuleIds(yamlRules);
  for (const id of [...args.onlyRules, ...args.disabledRules, ...args.severityOverrides.map((override) => override.ruleId)]) {
    if (!known.has(id)) throw new UsageError(`unknown rule '${id}' (known: ${[...known].sort().join(', ')})`);
  }
  const candidates: readonly Rule[] = [...BUILT_IN_RULES, ...CONFIG_FILE_RULES, ...yamlRules, unusedSuppression];
  const reported: ReportedRule[] = [];
  for (const rule of candidates) {
    const configured = config.rules.get(rule.id);
    const setting = configured ?? 'on';
    // Below the precision floor (default: the recommended tier) a rule runs only when named: by --rule, or
    // switched on in the config. A low-precision audit rule never fails a build by default. A team's own YAML
    // rules were asked for by loading them, and run whatever confidence they declare.
    const precise = isAtLeastAsPrecise(rule.precision, args.minimumPrecision) || rule.id === unusedSuppression.id || rule.yamlSource !== undefined;
    const listed = args.onlyRules.length > 0 ? args.onlyRules.includes(rule.id) : setting !== 'off' && (precise || configured !== undefined);
    if (!listed || args.disabledRules.includes(rule.id)) continue;
    const override = [...args.severityOverrides].reverse().find((entry) => entry.ruleId === rule.id);
    const severity = override?.severity ?? (isSeverity(setting) ? setting : rule.severity);
    reported.push({ rule, severity });
  }
  const meta = reported.find((entry) => entry.rule.id === unusedSuppression.id);
  return {
    active: reported.filter((entry) => entry.rule.id !== unusedSuppression.id),
    metaSeverity: meta?.severity ?? null,
    reported,
  };
}
