/**
 * What: SQL text given to a modeled database API (pg, mysql, mysql2, sqlite, knex raw, Sequelize, TypeORM,
 * Prisma) that is assembled from a non-constant value by concatenation, template literal or formatting.
 * Why: whoever controls the value can close the string and rewrite the query.
 * Quiet on: placeholders with bound values, tagged templates (`sql`...``, `Prisma.sql`), strings built only
 * from constants, numbers (`Number()`, `parseInt`, typed `number`), driver escaping (`mysql.escape`),
 * placeholder lists (`ids.map(() => '?').join()`), and same-named methods on other objects.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'builtQuery';

export const sqlInjection = defineRule<MessageId>({
  id: 'sql-injection',
  title: 'SQL query built from a non-constant value',
  cwe: ['CWE-89'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Keep the SQL text constant and pass values as bound parameters ($1, ?, :name) or through a tagged sql template.',
  messages: {
    builtQuery: '{{api}} runs SQL built from `{{part}}`; pass it as a bound parameter instead of splicing it into the query text.',
  },
  appliesTo: (file) => file.concepts.mayUse('sql-execution'),
  create: (context) => ({
    CallExpression: (call) => checkCall(context, call),
  }),
});

function checkCall(context: RuleContext<MessageId>, call: TSESTree.CallExpression): void {
  const sink = context.concepts.callTo(call, 'sql-execution');
  if (sink === null || sink.target === null) return;
  if (sink.target.type === 'TaggedTemplateExpression') return;
  const assembly = context.strings.of(sink.target);
  if (!assembly.isBuilt) return;
  const unsafe = assembly.dynamicParts.find((part) => !context.strings.isNumeric(part) && !isEscapedForSql(context, part));
  if (unsafe === undefined) return;
  context.report({ node: sink.target, messageId: 'builtQuery', data: { api: sink.api, part: excerpt(context, unsafe) } });
}

function isEscapedForSql(context: RuleContext<MessageId>, part: TSESTree.Node): boolean {
  return part.type === 'CallExpression' && context.concepts.callTo(part, 'sql-escape') !== null;
}

function excerpt(context: RuleContext<MessageId>, node: TSESTree.Node): string {
  const text = context.file.source.slice(node.range).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
