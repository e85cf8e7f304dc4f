/**
 * The ESLint plugin object: every rampart rule, and the shared flat configs. Each config names the files it
 * applies to (ESLint lints only `*.js`, `*.mjs` and `*.cjs` unless some config names `.ts`, so a config
 * without `files` silently skipped every TypeScript file):
 * - `recommended`: the high-precision rules (the CLI's default set too) on JS and TS files;
 * - `all`: every rule, the low-precision audit tier included;
 * - `typescript`: @typescript-eslint/parser for TS files, for a project that has no TS parser configured
 *   (a project using typescript-eslint already has one, and keeps it).
 */
import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule as EslintRule } from 'eslint';
import { PACKAGE_NAME, packageVersion } from '../engine/package-info.js';
import { BUILT_IN_RULES } from '../rules-api/registry.js';
import type { Rule } from '../rules-api/rule-types.js';
import { isRecommendedPrecision } from '../taxonomy/severity.js';
import { toEslintRule } from './to-eslint-rule.js';

const SEVERITY_TO_ESLINT = { critical: 'error', high: 'error', medium: 'warn', low: 'warn' } as const;

/** What rampart scans in the CLI: JavaScript and TypeScript, ES modules and CommonJS, with JSX. */
export const CODE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
export const TYPESCRIPT_FILES = ['**/*.{ts,mts,cts,tsx}'];

export function isRecommended(rule: Rule): boolean {
  return isRecommendedPrecision(rule.precision);
}

const rules: Record<string, EslintRule.RuleModule> = Object.fromEntries(BUILT_IN_RULES.map((rule) => [rule.id, toEslintRule(rule)]));

type ConfigName = 'recommended' | 'all' | 'typescript';

export const plugin: ESLint.Plugin & { configs: Record<ConfigName, Linter.Config> } = {
  meta: { name: PACKAGE_NAME, version: packageVersion() },
  rules,
  configs: {} as Record<ConfigName, Linter.Config>,
};

function rulesConfig(name: string, selected: readonly Rule[]): Linter.Config {
  return {
    name: `rampart/${name}`,
    files: CODE_FILES,
    plugins: { rampart: plugin },
    rules: Object.fromEntries(selected.map((rule) => [`rampart/${rule.id}`, SEVERITY_TO_ESLINT[rule.severity]])),
  };
}

plugin.configs.recommended = rulesConfig('recommended', BUILT_IN_RULES.filter(isRecommended));
plugin.configs.all = rulesConfig('all', BUILT_IN_RULES);
// Loaded when first read: a project that never asks for it never loads the TypeScript compiler through it.
Object.defineProperty(plugin.configs, 'typescript', {
  enumerable: true,
  get(): Linter.Config {
    const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
    return { name: 'rampart/typescript', files: TYPESCRIPT_FILES, languageOptions: { parser } };
  },
});
