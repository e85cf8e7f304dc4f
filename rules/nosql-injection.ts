/**
 * What: a request value that may be an object reaches a MongoDB query document (driver collections, mongoose
 * models and query chains): a filter value (`{ password: req.body.password }` with `{ "$ne": null }`), a whole
 * `req.body`/`req.query` as the filter, an aggregation pipeline; and request data in code the server runs
 * (`$where`, `mapReduce` functions).
 * Why: an object where a value was expected becomes query operators: `$ne` skips a password check, `$regex`
 * and `$gt` enumerate records; `$where` runs the caller's JavaScript in the database.
 * Quiet on: text (`String(x)`, templates, `x.trim()`, express route parameters and headers), numbers,
 * `ObjectId(x)`, mongo-sanitize, values under `$eq`/`$in` and other literal operators, allow-listed values.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { combineSinkListeners, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'operator' | 'operatorElsewhere' | 'code' | 'codeElsewhere';

export const nosqlInjection = defineRule<MessageId>({
  id: 'nosql-injection',
  title: 'MongoDB query built from request objects',
  cwe: ['CWE-943'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Coerce each filter value to the type you expect (String(x), Number(x), new ObjectId(x)) or wrap it in { $eq: x }; never run request data as $where or mapReduce code.',
  messages: {
    operator: '{{api}} runs a query with {{source}}, which may be an object of query operators ({ "$ne": null }); coerce it with String() or wrap it in $eq.',
    operatorElsewhere: '{{source}}, which may be an object of query operators, flows into a query run by {{api}} in another module; coerce it there.',
    code: '{{api}} runs JavaScript on the database server built from {{source}}; use query operators instead of $where or mapReduce code.',
    codeElsewhere: '{{source}} flows into JavaScript run on the database server by {{api}} in another module; use query operators there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && (file.concepts.mayUse('nosql-query') || file.concepts.mayUse('nosql-code')),
  create: (context) => {
    const operators = taintSinkListeners(context, { concept: 'nosql-query', sanitizedFor: 'nosql-object' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'operatorElsewhere' : 'operator',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    const code = taintSinkListeners(context, { concept: 'nosql-code', sanitizedFor: 'code' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'codeElsewhere' : 'code',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    return combineSinkListeners(operators, code);
  },
});
