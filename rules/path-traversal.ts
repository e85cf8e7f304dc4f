/**
 * What: request data reaches a file system path: fs reads, writes, streams, stats and removals (fs,
 * fs/promises, fs-extra), and `res.sendFile`/`res.download` without a `root`, through `path.join`/`resolve`.
 * Why: `../` segments (or an absolute path) climb out of the intended directory to `/etc/passwd`, source
 * code, keys, or overwrite them.
 * Quiet on: `path.basename`, a `path.resolve`d path checked with `startsWith(root)`, sanitize-filename,
 * allow-listed and numeric values, `sendFile` with a `root` option, constants.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const pathTraversal = defineRule<MessageId>({
  id: 'path-traversal',
  title: 'File path built from request data',
  cwe: ['CWE-22'],
  owasp: { 2021: ['A01:2021'], 2025: ['A01:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Resolve the path against a fixed root and check it stays inside (`resolve(root, name).startsWith(root + sep)`), or keep only `path.basename(name)`.',
  messages: {
    tainted: '{{api}} opens a path built from {{source}}; resolve it against a fixed root and check it stays inside, or keep only its basename.',
    taintedElsewhere: '{{source}} flows into a path opened by {{api}} in another module; confine it to a fixed root there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('file-access'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'file-access', sanitizedFor: 'path' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
