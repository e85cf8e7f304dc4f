/**
 * What: request data in an LDAP search filter or search base: ldapjs and ldapts `client.search(base, { filter })`,
 * activedirectory `find`/`findUsers`/`findGroups`, filters parsed from text (`parseFilter`).
 * Why: `*`, `(`, `)`, `&` and `|` in the value rewrite the filter: `*)(uid=*` matches every entry, which turns
 * a lookup into a directory dump or an authentication check into a bypass.
 * Quiet on: ldap-escape's `filter`/`dn` templates, filter objects (`new EqualityFilter({ attribute, value })`),
 * numbers, allow-listed values and constants.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const ldapInjection = defineRule<MessageId>({
  id: 'ldap-injection',
  title: 'LDAP filter built from request data',
  cwe: ['CWE-90'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Escape values with ldap-escape (`filter`/`dn` templates), or build the filter from filter objects such as EqualityFilter.',
  messages: {
    tainted: '{{api}} runs an LDAP search built from {{source}}; escape the value for LDAP or use a filter object.',
    taintedElsewhere: '{{source}} flows into an LDAP search run by {{api}} in another module; escape it for LDAP there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('ldap-query'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'ldap-query', sanitizedFor: 'ldap' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
