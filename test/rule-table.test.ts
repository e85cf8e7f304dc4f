/** docs/rules/README.md lists every rule exactly as the registry defines it (regenerate: `npm run docs:rules`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import { RULE_TABLE_BEGIN, ruleTableMarkdown, withRuleTable } from '../src/rules-api/rule-table.js';
import { REPO_ROOT } from './support/hosts.js';

describe('docs/rules/README.md', () => {
  const page = readFileSync(join(REPO_ROOT, 'docs', 'rules', 'README.md'), 'utf8');

  it('holds the generated rule table, up to date with the registry', () => {
    expect(page.includes(RULE_TABLE_BEGIN)).toBe(true);
    expect(withRuleTable(page, BUILT_IN_RULES)).toBe(page);
  });

  it('has a row per rule naming its CWEs, precision and recommended membership', () => {
    const rows = ruleTableMarkdown(BUILT_IN_RULES).split('\n').slice(2);
    expect(rows).toHaveLength(BUILT_IN_RULES.length);
    const sqlRow = rows.find((row) => row.startsWith('| [sql-injection](sql-injection.md) |'));
    expect(sqlRow).toContain('| CWE-89 |');
    expect(sqlRow?.endsWith('| high | yes |')).toBe(true);
  });
});
