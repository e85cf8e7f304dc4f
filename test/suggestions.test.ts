/**
 * Suggestions travel from a rule's report to both hosts: ESLint shows them as suggestion fixes (checked by
 * RuleTester, which applies each and compares the output), and the engine's findings carry them for the JSON
 * report. A probe rule keeps this independent of any built-in rule.
 */
import { describe, expect, it } from 'vitest';
import { toFinding } from '../src/engine/dispatch.js';
import { toEslintRule } from '../src/eslint/to-eslint-rule.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { ruleTester } from './support/rule-tester.js';
import { taintProject } from './support/taint-project.js';

const probe = defineRule<'loose' | 'useStrict'>({
  id: 'probe-loose-equality',
  title: 'probe',
  cwe: ['CWE-208'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'low',
  precision: 'low',
  hasSuggestions: true,
  help: 'Use strict equality instead of loose equality.',
  messages: { loose: 'Loose equality; use === instead.', useStrict: 'Use `{{operator}}` instead.' },
  create: (context) => ({
    BinaryExpression: (node) => {
      if (node.operator !== '==') return;
      const text = context.file.source.slice([node.left.range[1], node.right.range[0]]);
      const at = node.left.range[1] + text.indexOf('==');
      context.report({ node, messageId: 'loose', suggest: [{ messageId: 'useStrict', data: { operator: '===' }, edits: [{ range: [at, at + 2], text: '===' }] }] });
    },
  }),
});

ruleTester.run('probe-loose-equality', toEslintRule(probe), {
  valid: [{ code: 'export const same = (a: string, b: string) => a === b;' }],
  invalid: [
    {
      code: 'export const same = (a: string, b: string) => a == b;',
      errors: [{ messageId: 'loose', suggestions: [{ messageId: 'useStrict', data: { operator: '===' }, output: 'export const same = (a: string, b: string) => a === b;' }] }],
    },
  ],
});

describe('engine findings', () => {
  it('carry the suggestion message and its located edits', () => {
    const project = taintProject({ 'a.ts': 'export const same = (a: string, b: string) =>\n  a == b;\n' });
    try {
      const file = project.file('a.ts');
      const node = file.ast.body[0];
      if (node === undefined) throw new Error('no statement');
      const at = file.source.text.indexOf('==');
      const { finding } = toFinding(file, probe, 'low', { node, messageId: 'loose', suggest: [{ messageId: 'useStrict', data: { operator: '===' }, edits: [{ range: [at, at + 2], text: '===' }] }] });
      expect(finding.suggestions).toEqual([{ message: 'Use `===` instead.', edits: [{ range: [at, at + 2], span: file.source.spanOf([at, at + 2]), text: '===' }] }]);
      expect(finding.suggestions?.[0]?.edits[0]?.span.start).toEqual({ line: 2, column: 4 });
    } finally {
      project.dispose();
    }
  });
});
