/**
 * What: request data written unescaped into a response the browser renders as HTML: Express `res.send` of a
 * string (HTML by default) unless another Content-Type was set first, `res.write`/`res.end` and Fastify
 * `reply.send` after a `text/html` type, Koa `ctx.body` strings that start with markup, Hono `c.html`, and
 * React's `dangerouslySetInnerHTML` in server-rendered components; and views (EJS, Pug, Handlebars, Nunjucks)
 * that a route renders with request data among the locals and that write that local unescaped (`<%- x %>`,
 * `!{x}`, `{{{x}}}`, `| safe`) or as a whole URL attribute (`href="<%= x %>"`, where escaping leaves
 * `javascript:` intact). The CLI reports those in the view, ESLint at the local in the render call.
 * Why: the caller's `<script>` runs in the victim's browser on the site's origin (reflected XSS).
 * Quiet on: JSON bodies (`res.json`, objects), a prior `text/plain` or JSON type, HTML escapers (escape-html,
 * he, lodash/validator `escape`, DOMPurify, sanitize-html, xss), numbers, allow-lists.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { htmlPropertyWrite } from '../src/analysis/taint/html-responses.js';
import { findProperty, unwrapExpression } from '../src/analysis/node-shapes.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { combineSinkListeners, otherPathsOf, sourceProperties, taintSinkListeners, type TaintFinding } from '../src/rules-api/taint-sink-listeners.js';
import type { ViewArtifact } from '../src/analysis/views/view-sinks.js';
import type { ReportDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'tainted' | 'taintedElsewhere' | 'viewUnescaped' | 'viewUrl';

const SINK = { concept: 'html-output', sanitizedFor: 'html' } as const;
const VIEW_HTML = { concept: 'view-output', sanitizedFor: 'html' } as const;
const VIEW_URL = { concept: 'view-output', sanitizedFor: 'url' } as const;

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
    viewUnescaped: 'View {{view}} writes {{source}} (local `{{local}}`) without escaping ({{tag}}); use the escaping output or escape it for HTML first.',
    viewUrl: 'View {{view}} writes {{source}} (local `{{local}}`) as a whole URL attribute ({{tag}}), where escaping lets `javascript:` URLs through; allow only http(s) or relative URLs.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) => {
    const report = (node: TSESTree.Node, api: string): void => {
      const flows = context.taint.flowsTo(node, { sanitizedFor: 'html', sinkLabel: api });
      const [flow] = flows;
      if (flow !== undefined) {
        context.report({ node, messageId: 'tainted', data: { api, source: flow.source.label }, flow: flow.steps, source: flow.source.label, otherPaths: otherPathsOf(flows), properties: sourceProperties(flow) });
      }
    };
    const describe = (finding: TaintFinding): ReportDescriptor<MessageId> =>
      finding.artifact !== undefined
        ? viewReport(finding, finding.artifact)
        : { node: finding.node, messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted', data: { api: finding.api, source: finding.source }, flow: finding.flow };
    return {
      ...combineSinkListeners(taintSinkListeners(context, SINK, describe), taintSinkListeners(context, VIEW_HTML, describe), taintSinkListeners(context, VIEW_URL, describe)),
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

function viewReport(finding: TaintFinding, artifact: ViewArtifact): ReportDescriptor<MessageId> {
  const { view, output } = artifact;
  const local = output.path.map((part) => (part === '*' ? '[]' : part)).join('.').replace(/\.\[\]/g, '[]');
  const line = view.source.positionAt(output.range[0]).line;
  const isHtml = output.context === 'html';
  return {
    node: finding.node,
    messageId: isHtml ? 'viewUnescaped' : 'viewUrl',
    data: { view: `${view.path}:${line}`, source: finding.source, local, tag: output.tag },
    flow: finding.flow,
    artifact: { path: view.path, source: view.source, range: output.range, message: isHtml ? `written unescaped by ${output.tag}` : `written as a URL attribute by ${output.tag}` },
  };
}
