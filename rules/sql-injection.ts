/**
 * What: request data reaches the SQL text of a modeled database API (pg, pg-promise, mysql, mysql2, mssql,
 * oracledb, sqlite, knex and Objection raw, Sequelize, TypeORM, Prisma, MikroORM, the raw helpers of Kysely,
 * Drizzle, slonik and Postgres.js), through concatenation, templates, variables, helpers, services or modules,
 * or a value a formatting library splices in unescaped (pg-promise `$1:raw`).
 * Why: whoever controls the value can close the string and rewrite the query.
 * Quiet on: placeholders with bound values, tagged templates (`sql`...``, `Prisma.sql`), constants, numbers
 * (`Number()`, `parseInt`, typed `number`), driver escaping (`mysql.escape`), allow-listed values, and SQL
 * built from values that do not come from a request (a value is not a finding just for being non-constant).
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { mayHoldSqlText } from '../src/rules-api/sql-text-prefilter.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const sqlInjection = defineRule<MessageId>({
  id: 'sql-injection',
  title: 'SQL query built from request data',
  cwe: ['CWE-89'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Keep the SQL text constant and pass values as bound parameters ($1, ?, :name) or through a tagged sql template.',
  messages: {
    tainted: '{{api}} runs SQL built from {{source}}; pass it as a bound parameter instead of splicing it into the query text.',
    taintedElsewhere: '{{source}} flows into SQL text run by {{api}} in another module; pass it as a bound parameter there.',
  },
  // A query on a receiver no model knows is a sink by its SQL text (analysis/taint/inferred-sql-sinks.ts).
  appliesTo: (file) => file.taint.maySeeRequestData && (file.concepts.mayUse('sql-execution') || mayHoldSqlText(file)),
  create: (context) =>
    taintSinkListeners(context, { concept: 'sql-execution', sanitizedFor: 'sql' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
      ...(finding.properties !== undefined ? { properties: finding.properties } : {}),
    })),
});
