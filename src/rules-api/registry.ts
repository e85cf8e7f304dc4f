/** Every built-in rule. The engine and the ESLint plugin know rules only through this list. */
import { sqlInjection } from '../../rules/sql-injection.js';
import type { Rule } from './rule-types.js';

export const BUILT_IN_RULES: readonly Rule[] = [sqlInjection];

export function findRule(id: string): Rule | null {
  return BUILT_IN_RULES.find((rule) => rule.id === id) ?? null;
}
