/**
 * What: request data written unescaped into a response the browser renders as HTML: Express `res.send` of a
 * string (HTML by default) unless another Content-Type was set first, `res.write`/`res.end` and Fastify
 * `reply.send` after a `text/html` type, Koa `ctx.body` strings that start with markup, Hono `c.html`, and
 * React's `dangerouslySetInnerHTML` in server-rendered components.
 * Why: the caller's `<script>` runs in the victim's browser on the site's origin (reflected XSS).
 * Quiet on: JSON bodies (`res.json`, objects), a prior `text/plain` or JSON type, HTML escapers (escape-html,
 * he, lodash/validator `escape`, DOMPurify, sanitize-html, xss), numbers, allow-lists.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { htmlPropertyWrite } from '../src/analysis/taint/html-responses.js';
import { findProperty, unwrapExpression } from '../src/analysis/node-shapes.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { otherPathsOf, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

const SINK = { concept: 'html-output', sanitizedFor: 'html' } as const;

export const xss = defineRule<MessageId>({
  id: 'xss',
  title: 'HTML response built from request data',
  cwe: ['CWE-79'],
  owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Escape request data for HTML (escape-html, he.encode) before writing it into markup, render it with an auto-escaping template, or send JSON or text/plain instead.',
  messages: {
    tainted: '{{api}} writes HTML built from {{source}}; escape it for HTML (escape-html) or send it as JSON or text/plain instead.',
    taintedElsewhere: '{{source}} flows into HTML written by {{api}} in another module; escape it for HTML there instead.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) => {
    const report = (node: TSESTree.Node, api: string): void => {
      const flows = context.taint.flowsTo(node, { sanitizedFor: 'html', sinkLabel: api });
      const [flow] = flows;
      if (flow !== undefined) context.report({ node, messageId: 'tainted', data: { api, source: flow.source.label }, flow: flow.steps, source: flow.source.label, otherPaths: otherPathsOf(flows) });
    };
    return {
      ...taintSinkListeners(context, SINK, (finding) => ({
        node: finding.node,
        messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
        data: { api: finding.api, source: finding.source },
        flow: finding.flow,
      })),
      // Koa: `ctx.body = '<p>' + ctx.query.q` (a property write, not a call).
      AssignmentExpression(write) {
        const sink = htmlPropertyWrite(context.taint, write);
        if (sink !== null) report(sink.target, sink.api);
      },
      // React: `<div dangerouslySetInnerHTML={{ __html: x }} />` on a DOM element (a lowercase tag).
      JSXAttribute(attribute) {
        const target = innerHtmlValue(attribute);
        if (target !== null) report(target, 'dangerouslySetInnerHTML');
      },
    };
  },
});

function innerHtmlValue(attribute: TSESTree.JSXAttribute): TSESTree.Node | null {
  if (attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== 'dangerouslySetInnerHTML') return null;
  const element = attribute.parent;
  if (element.type !== 'JSXOpeningElement' || element.name.type !== 'JSXIdentifier' || !/^[a-z]/.test(element.name.name)) return null;
  if (attribute.value?.type !== 'JSXExpressionContainer' || attribute.value.expression.type === 'JSXEmptyExpression') return null;
  const value = unwrapExpression(attribute.value.expression);
  return value.type === 'ObjectExpression' ? (findProperty(value, '__html')?.value ?? null) : null;
}
