/**
 * What: request data compiled as a regular expression pattern: `new RegExp(x)`/`RegExp(x)` (the real global),
 * `match`/`matchAll`/`search` with a string argument on a known string, and XRegExp.
 * Why: a pattern such as `(a+)+$` backtracks for minutes on a short input (ReDoS: one request stalls Node's
 * single thread), and metacharacters change what matches (`.*` finds every record).
 * Quiet on: escape-string-regexp, lodash `escapeRegExp`, `RegExp.escape`, the standard hand-written escaper
 * `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`, re2 (linear time), numbers, allow-lists, a local `RegExp`.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const regexInjection = defineRule<MessageId>({
  id: 'regex-injection',
  title: 'Regular expression built from request data',
  cwe: ['CWE-1333', 'CWE-730'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Escape the value with escape-string-regexp (or lodash escapeRegExp) before building a pattern, match it as plain text (`includes`), or use re2.',
  messages: {
    tainted: '{{api}} compiles a pattern built from {{source}}; escape it with escape-string-regexp or match it as plain text instead.',
    taintedElsewhere: '{{source}} flows into a pattern compiled by {{api}} in another module; escape it there or match it as plain text instead.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) =>
    taintSinkListeners(context, { concept: 'regex-compilation', sanitizedFor: 'regex' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
