/**
 * What: request data handed to a deep merge (lodash `merge`/`mergeWith`/`defaultsDeep`, deep-extend, merge's
 * `recursive`, mixin-deep, assign-deep, defaults-deep) as a source object, or to a property-path writer
 * (lodash `set`/`setWith`/`zipObjectDeep`, dot-prop, object-path, set-value) as the path, or to a recursive
 * merge the project writes itself (its source parameter, by the function's shape: recursive-merges.ts).
 * Why: a `__proto__` or `constructor.prototype` key (or path segment) makes the library write into
 * `Object.prototype`, changing every object in the process: authorization checks, template options, spawn
 * options.
 * Quiet on: text merged as a source (it carries no keys), allow-listed or numeric paths, constants, library
 * results, `Object.assign` and spread (one level, own properties: no `Object.prototype` write), and the
 * target argument of a merge.
 */
import { KEY_LOOP_TEXT } from '../src/analysis/taint/recursive-merges.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { combineSinkListeners, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'merge' | 'mergeElsewhere' | 'path' | 'pathElsewhere';

export const prototypePollution = defineRule<MessageId>({
  id: 'prototype-pollution',
  title: 'Request keys merged or set deep into an object',
  cwe: ['CWE-1321'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Copy the fields you expect into a new object (or parse the body with an object schema that drops unknown keys) before merging, and allow-list property paths; never deep-merge or set paths the client chose.',
  messages: {
    merge: '{{api}} deep-merges {{source}}, whose keys the client chooses, so a "__proto__" key writes into Object.prototype; copy the expected fields first.',
    mergeElsewhere: '{{source}} flows into a deep merge by {{api}} in another module, where a "__proto__" key writes into Object.prototype; copy the expected fields first.',
    path: '{{api}} writes at a property path taken from {{source}}, so "__proto__.x" or "constructor.prototype.x" writes into Object.prototype; allow-list the path.',
    pathElsewhere: '{{source}} flows into a property path written by {{api}} in another module, where "__proto__.x" writes into Object.prototype; allow-list the path.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && (file.concepts.mayUse('deep-merge') || file.concepts.mayUse('property-path-write') || KEY_LOOP_TEXT.test(file.source.text)),
  create: (context) => {
    const merges = taintSinkListeners(context, { concept: 'deep-merge', sanitizedFor: 'prototype-keys' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'mergeElsewhere' : 'merge',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    const paths = taintSinkListeners(context, { concept: 'property-path-write', sanitizedFor: 'property-path' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'pathElsewhere' : 'path',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    return combineSinkListeners(merges, paths);
  },
});
