/**
 * What: request data becomes the TEXT of a template that an engine compiles (ejs, pug, handlebars, nunjucks,
 * lodash/underscore `template`, mustache, doT, twig, eta), or the name of the view Express renders.
 * Why: a template is code: `<%= process.mainModule.require('child_process').execSync('id') %>` in ejs, pug or
 * lodash runs on the server (server-side template injection is usually remote code execution).
 * Quiet on: request data passed as the template's data (`ejs.render(CONSTANT, { name })`), templates read
 * from files named by constants, view names from an allow-list, numbers.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const templateInjection = defineRule<MessageId>({
  id: 'template-injection',
  title: 'Template compiled from request data',
  cwe: ['CWE-1336', 'CWE-94'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Keep templates constant (in files or literals you wrote) and pass request data only in the data argument; choose views from an allow-list.',
  messages: {
    tainted: '{{api}} compiles a template taken from {{source}}; keep the template constant and pass the value as data instead.',
    taintedElsewhere: '{{source}} flows into a template compiled by {{api}} in another module; pass it as template data there instead.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('template-compilation'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'template-compilation', sanitizedFor: 'code' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
