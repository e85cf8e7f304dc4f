/**
 * What: a request object passed whole (or spread) to an ORM call that writes every key it holds: mongoose
 * `create`/`new Model()`/update documents, Sequelize `create`/`build` without `fields`, TypeORM repository
 * `save`/`create`/`insert`/`merge`/`update`, Prisma `data`.
 * Why: the client chooses which fields are written, including ones the form never showed (`role`, `isAdmin`).
 * Quiet on: object literals that pick fields (`{ name: req.body.name }`), `_.pick` and other library results,
 * Sequelize's `fields` allow-list, and objects that do not come from the request.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const massAssignment = defineRule<MessageId>({
  id: 'mass-assignment',
  title: 'Record written from a whole request object',
  cwe: ['CWE-915'],
  owasp: { 2021: ['A01:2021'], 2025: ['A01:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Copy the fields the client may set into a new object ({ name: body.name }), or pick them (_.pick), before creating or updating the record.',
  messages: {
    tainted: '{{api}} writes every key of {{source}}; the client can set fields it should not (role, isAdmin). Pick the allowed fields first.',
    taintedElsewhere: '{{source}} flows whole into a record written by {{api}} in another module; pick the allowed fields first.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('mass-assignment'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'mass-assignment', sanitizedFor: 'object-keys' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
