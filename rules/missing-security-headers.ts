/**
 * What: an Express, Fastify, Koa, NestJS or Hono app that serves HTTP (listens, is handed to a server, or is
 * exported where that is how the framework serves) with no security-headers middleware (helmet,
 * @fastify/helmet, koa-helmet, hono's secureHeaders) and no hand-written equivalent; helmet-style options
 * that switch Content-Security-Policy, Strict-Transport-Security or X-Frame-Options off; security headers set
 * by hand to values that switch them off (`Strict-Transport-Security: max-age=0`, a CSP with `'unsafe-eval'`),
 * in any file (an interceptor or a helper, not only a middleware of an app); Express's X-Powered-By left on
 * where headers are set by hand.
 * Why: without them browsers run injected scripts, let other sites frame the app (clickjacking) and fall back
 * to plain HTTP.
 * Quiet on: apps handed to functions or mounting project code it cannot follow (they may add the headers),
 * apps that never serve (test apps, sub-apps), apps exported under a name for another module to mount
 * (`export { app as handlers }`), apps that serve only probes (`/health`, `/metrics`, `/version`) or no routes
 * at all, headers set by hand in a middleware.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, unwrapExpression } from '../src/analysis/node-shapes.js';
import { isMountedComponent, servesApplication } from '../src/analysis/http-apps/app-surface.js';
import { headerCoverage, type HeaderProvider } from '../src/analysis/http-apps/header-coverage.js';
import { weakHeaderProblem } from '../src/analysis/http-apps/weak-header-values.js';
import type { HttpContainer } from '../src/analysis/http-apps/http-container.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'missingHeaders' | 'headerDisabled' | 'poweredBy' | 'weakHeaderValue';

/** Response methods that set one header (`res.setHeader(name, value)`, `reply.header`, `ctx.set`, `c.header`). */
const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'header', 'set', 'append']);
/** Cheap text test for files that may set a weakened header by hand without creating an app. */
const WEAKENABLE_HEADER_TEXT = /strict-transport-security|content-security-policy|x-content-type-options|x-frame-options|referrer-policy/i;

export const missingSecurityHeaders = defineRule<MessageId>({
  id: 'missing-security-headers',
  title: 'Web app served without security headers',
  cwe: ['CWE-693', 'CWE-1021'],
  owasp: { 2021: ['A05:2021'], 2025: ['A02:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Mount helmet (or @fastify/helmet, koa-helmet, Hono secureHeaders) before the routes and keep Content-Security-Policy, Strict-Transport-Security and X-Frame-Options on.',
  messages: {
    missingHeaders:
      '{{app}} serves HTTP without security headers (Content-Security-Policy, Strict-Transport-Security, X-Frame-Options){{poweredBy}}; mount helmet or the framework\'s security-headers middleware before the routes.',
    headerDisabled: '`{{option}}: false` switches {{header}} off{{where}}; remove the option, or configure the header instead of disabling it.',
    poweredBy: '{{app}} sends `X-Powered-By`, naming the framework to attackers; call `app.disable(\'x-powered-by\')` or use helmet, which removes it.',
    weakHeaderValue: '`{{header}}: {{value}}` {{problem}}; set a value that keeps the protection on (or let helmet set it) instead.',
  },
  appliesTo: (file) => WEAKENABLE_HEADER_TEXT.test(file.source.text) || file.httpApps.apps().length > 0,
  create: (context) => ({
    CallExpression: (call) => checkHeaderCall(context, call),
    'Program:exit': () => {
      for (const app of context.httpApps.apps()) checkApp(context, app);
    },
  }),
});

/** `res.setHeader('Strict-Transport-Security', 'max-age=0')`: a constant name and a constant value that switches it off. */
function checkHeaderCall(context: RuleContext<MessageId>, call: TSESTree.CallExpression): void {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !HEADER_SETTERS.has(callee.property.name)) return;
  const [nameNode, valueNode] = call.arguments;
  if (nameNode === undefined || valueNode === undefined || nameNode.type === 'SpreadElement' || valueNode.type === 'SpreadElement') return;
  const name = context.values.valueOf(nameNode)?.value;
  const value = context.values.valueOf(valueNode)?.value;
  if (typeof name !== 'string' || typeof value !== 'string') return;
  const problem = weakHeaderProblem(name.toLowerCase(), value);
  if (problem !== null) context.report({ node: valueNode, messageId: 'weakHeaderValue', data: { header: name, value: value.trim(), problem } });
}

function checkApp(context: RuleContext<MessageId>, app: HttpContainer): void {
  if (!app.serves()) return;
  const coverage = headerCoverage(app);
  for (const provider of coverage.providers) reportSwitchedOff(context, provider);
  // An app that answers only health, metrics or version probes (or nothing) has no pages or data to protect,
  // and a component another module mounts gets that module's headers; a protection switched off by hand is
  // still reported above.
  if (!coverage.complete || !servesApplication(app) || isMountedComponent(app)) return;
  const hasHeaders = coverage.providers.length > 0 || coverage.handWritten.length > 0;
  const poweredByOn = app.shape.poweredBy !== null && !coverage.poweredByOff && !coverage.providers.some((provider) => provider.row.removesPoweredBy);
  if (!hasHeaders) {
    const poweredBy = poweredByOn ? ' and leaves `X-Powered-By` on' : '';
    context.report({ node: app.origin, messageId: 'missingHeaders', data: { app: appName(app), poweredBy } });
  } else if (poweredByOn) {
    context.report({ node: app.origin, messageId: 'poweredBy', data: { app: appName(app) } });
  }
}

/** One finding per option set to `false`; at the option when it is in this file, else once at the mount. */
function reportSwitchedOff(context: RuleContext<MessageId>, provider: HeaderProvider): void {
  const options = provider.options;
  const object = options === null ? null : unwrapExpression(options.node);
  if (options === null || object?.type !== 'ObjectExpression') return;
  const here = options.facts === context.httpApps;
  for (const option of provider.row.switches) {
    const property = findProperty(object, option.option);
    if (property === null || options.facts.file.values.valueOf(property.value)?.value !== false) continue;
    const node: TSESTree.Node = here ? property : provider.site;
    const where = here ? '' : ` (in ${options.facts.file.path})`;
    context.report({ node, messageId: 'headerDisabled', data: { option: option.option, header: option.header, where } });
    if (!here) return;
  }
}

function appName(app: HttpContainer): string {
  return `This ${app.describe()}`;
}
