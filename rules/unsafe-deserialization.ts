/**
 * What: request data reaches a deserializer that rebuilds functions from its input: node-serialize
 * `unserialize`, funcster `deepDeserialize`, cryo `parse`, serialize-to-js `deserialize`.
 * Why: a serialized function with a trailing `()` runs while the payload is read: remote code execution.
 * Quiet on: `JSON.parse`, the `yaml` package, js-yaml `load` (safe in v4), constants and data that is not
 * request data.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const unsafeDeserialization = defineRule<MessageId>({
  id: 'unsafe-deserialization',
  title: 'Request data deserialized by a code-reviving deserializer',
  cwe: ['CWE-502'],
  owasp: { 2021: ['A08:2021'], 2025: ['A08:2025'] },
  severity: 'critical',
  precision: 'high',
  help: 'Parse request data with JSON.parse (or a schema validator on top of it); never with a deserializer that can rebuild functions.',
  messages: {
    tainted: '{{api}} deserializes {{source}} and can run code embedded in it; parse it with JSON.parse instead.',
    taintedElsewhere: '{{source}} flows into {{api}} in another module, which can run code embedded in it; parse it with JSON.parse there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('object-deserialization'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'object-deserialization', sanitizedFor: 'deserialization' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
