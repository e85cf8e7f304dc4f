/**
 * What: request data in an XPath expression: xpath `select`/`select1`/`evaluate`/`parse`, `useNamespaces(...)`,
 * fontoxpath `evaluateXPath*`, libxmljs `doc.get`/`doc.find`.
 * Why: a quote in the value closes the expression's string literal: `' or '1'='1` selects every node, and
 * a login or lookup checked by XPath reads records it should not.
 * Quiet on: variables bound through the library (`parse(expr).select({ node, variables })`, fontoxpath's
 * variables argument), numbers, allow-listed values and constant expressions.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const xpathInjection = defineRule<MessageId>({
  id: 'xpath-injection',
  title: 'XPath expression built from request data',
  cwe: ['CWE-643'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Keep the XPath expression constant and pass request values as XPath variables (`$name`) bound through the library.',
  messages: {
    tainted: '{{api}} evaluates an XPath expression built from {{source}}; bind the value as an XPath variable instead.',
    taintedElsewhere: '{{source}} flows into an XPath expression evaluated by {{api}} in another module; bind it as a variable there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('xpath-query'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'xpath-query', sanitizedFor: 'xpath' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
