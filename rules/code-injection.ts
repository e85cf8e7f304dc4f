/**
 * What: request data reaches code that is compiled and run: `eval`, `new Function(...)`, `vm.runIn*Context`,
 * `vm.compileFunction`, `new vm.Script`, and string arguments of `setTimeout`/`setInterval`/`setImmediate`.
 * Why: the caller's text runs as the server's own code, with its privileges, secrets and network.
 * Quiet on: numbers (`Number(x)`), values from an allow-list, functions passed to timers, constants, and a
 * local function that happens to be called `eval`.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const codeInjection = defineRule<MessageId>({
  id: 'code-injection',
  title: 'Code evaluated from request data',
  cwe: ['CWE-95', 'CWE-94'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Never evaluate request data as code: parse it as data (JSON.parse, Number) or map it to functions you wrote.',
  messages: {
    tainted: '{{api}} evaluates code built from {{source}}; parse the value as data or map it to a function you wrote instead.',
    taintedElsewhere: '{{source}} flows into code evaluated by {{api}} in another module; parse it as data there instead.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) =>
    taintSinkListeners(context, { concept: 'code-execution', sanitizedFor: 'code' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
