/** The ESLint plugin object: every rampart rule, `configs.recommended` (precision high and above) and `configs.all`. */
import type { ESLint, Linter, Rule as EslintRule } from 'eslint';
import { packageVersion } from '../engine/package-info.js';
import { BUILT_IN_RULES } from '../rules-api/registry.js';
import { isRecommended, toEslintRule } from './to-eslint-rule.js';

const SEVERITY_TO_ESLINT = { critical: 'error', high: 'error', medium: 'warn', low: 'warn' } as const;

const rules: Record<string, EslintRule.RuleModule> = Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, toEslintRule(rule)]));

export const plugin: ESLint.Plugin & { configs: Record<'recommended' | 'all', Linter.Config> } = {
  meta: { name: 'rampart', version: packageVersion() },
  rules,
  configs: { recommended: {}, all: {} },
};

plugin.configs.recommended = {
  name: 'rampart/recommended',
  plugins: { rampart: plugin },
  rules: Object.fromEntries(BUILT_IN_RULES.filter(isRecommended).map((rule) => [`rampart/${rule.id}`, SEVERITY_TO_ESLINT[rule.severity]])),
};

plugin.configs.all = {
  name: 'rampart/all',
  plugins: { rampart: plugin },
  rules: Object.fromEntries(BUILT_IN_RULES.map((rule) => [`rampart/${rule.id}`, SEVERITY_TO_ESLINT[rule.severity]])),
};
