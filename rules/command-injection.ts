/**
 * What: request data reaches a command a process runs: the command line of `exec`/`execSync`, the program of
 * `spawn`/`execFile`/execa, their arguments under `shell: true`, `execaCommand`, shelljs `exec`.
 * Why: a shell reads `;`, `|`, `$(...)` and backticks in the data as more commands; a chosen program runs as is.
 * Quiet on: argument arrays without a shell, constants, numbers, allow-listed values, `shell-quote` quoting,
 * and values that are not request data (`process.argv` is not a source here: see the docs).
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const commandInjection = defineRule<MessageId>({
  id: 'command-injection',
  title: 'OS command built from request data',
  cwe: ['CWE-78'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Run a fixed program with execFile/spawn and an argument array (no shell), and pick any user-chosen part from an allow-list.',
  messages: {
    tainted: '{{api}} runs a command built from {{source}}; run a fixed program with an argument array and no shell instead.',
    taintedElsewhere: '{{source}} flows into a command run by {{api}} in another module; run a fixed program with an argument array there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('command-execution'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'command-execution', sanitizedFor: 'shell' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
