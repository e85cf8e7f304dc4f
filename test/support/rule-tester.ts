/**
 * ESLint's RuleTester (the real Linter, options frozen) wired to vitest, with the typescript-eslint parser,
 * and the plugin's exported rules by id: what every RuleTester suite here shares.
 */
import { RuleTester, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, it } from 'vitest';
import { plugin } from '../../src/eslint/plugin.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester({ languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' } });

export function pluginRule(id: string): Rule.RuleModule {
  const found = plugin.rules?.[id];
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found as Rule.RuleModule;
}
