/**
 * What: a sign-in, sign-up, password-reset, one-time-code or token route (`POST /login`, `/auth/token`,
 * `/password/reset`, `/otp/verify`, Nest `@Post('login')` in `@Controller('auth')`), or any submitting route whose
 * handler checks a password against its hash (`bcrypt.compare`: a confirm-password export, an account deletion),
 * of an app that serves HTTP, with no rate limiter before it at app, router or route level.
 * Why: without a limit an attacker tries passwords, reset codes and one-time codes as fast as the server answers.
 * Quiet on: limiters imported from other modules, mounted before the router, registered as a Fastify plugin or
 * per route (`config.rateLimit`), Nest ThrottlerGuard (APP_GUARD, `@UseGuards`, `@Throttle`), hand-written
 * middleware answering 429, any route whose chain holds code it cannot follow, and apps exported under a name
 * for another module to mount (`export { app as handlers }`), whose limiters that module mounts.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { authEndpointKind, type AuthEndpointKind } from '../src/analysis/http-apps/auth-endpoints.js';
import type { RouteEvent } from '../src/analysis/http-apps/http-types.js';
import { isMountedComponent } from '../src/analysis/http-apps/app-surface.js';
import type { HttpContainer } from '../src/analysis/http-apps/http-container.js';
import { rateLimitCoverage, type RouteCoverage } from '../src/analysis/http-apps/rate-limit-coverage.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'authRoute' | 'authRouteElsewhere';

const KIND_NAMES: Readonly<Record<AuthEndpointKind, string>> = {
  'sign-in': 'sign-in',
  'sign-up': 'sign-up',
  'password-reset': 'password-reset',
  'one-time-code': 'one-time-code',
  token: 'token',
  'password-check': 'password-checking',
};

export const missingRateLimit = defineRule<MessageId>({
  id: 'missing-rate-limit',
  title: 'Authentication route without rate limiting',
  cwe: ['CWE-307', 'CWE-770'],
  owasp: { 2021: ['A07:2021'], 2025: ['A07:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Mount a rate limiter (express-rate-limit, @fastify/rate-limit, koa-ratelimit, hono-rate-limiter, Nest ThrottlerGuard) before authentication routes, at app, router or route level.',
  messages: {
    authRoute: '`{{method}} {{path}}` is a {{kind}} route with no rate limiter before it; add a limiter to the route, its router or the app, mounted before this route.',
    authRouteElsewhere:
      '`{{method}} {{path}}` ({{where}}){{more}} is a {{kind}} route that joins the app here with no rate limiter before it; add a limiter before this point or on the route.',
  },
  appliesTo: (file) => file.httpApps.apps().length > 0,
  create: (context) => ({
    'Program:exit': () => {
      for (const app of context.httpApps.apps()) checkApp(context, app);
    },
  }),
});

interface Unlimited {
  readonly coverage: RouteCoverage;
  readonly path: string;
  readonly kind: AuthEndpointKind;
}

function checkApp(context: RuleContext<MessageId>, app: HttpContainer): void {
  // A component another module mounts (`root.use(limiter); root.use('/account', account.handlers)`) is judged there.
  if (!app.serves() || isMountedComponent(app)) return;
  const byJunction = new Map<TSESTree.Node, Unlimited[]>();
  const reported = new Set<TSESTree.Node>();
  for (const coverage of rateLimitCoverage(app).routes) {
    if (coverage.state !== 'unlimited' || coverage.path === null || reported.has(coverage.route.node)) continue;
    const kind = authEndpointKind(coverage.route.method, coverage.path) ?? (checksPassword(coverage.route) ? 'password-check' : null);
    if (kind === null) continue;
    reported.add(coverage.route.node);
    const list = byJunction.get(coverage.junction) ?? [];
    list.push({ coverage, path: coverage.path, kind });
    byJunction.set(coverage.junction, list);
  }
  for (const [junction, routes] of byJunction) {
    const first = routes[0];
    if (first === undefined) continue;
    const data = { method: first.coverage.route.method, path: first.path, kind: KIND_NAMES[first.kind] };
    if (junction === first.coverage.route.node) {
      for (const route of routes) context.report({ node: anchorOf(route.coverage.route.node), messageId: 'authRoute', data: { method: route.coverage.route.method, path: route.path, kind: KIND_NAMES[route.kind] } });
      continue;
    }
    const more = routes.length > 1 ? ` and ${routes.length - 1} more authentication route${routes.length > 2 ? 's' : ''}` : '';
    // Each route is a step of the finding's flow, so SARIF and JSON readers see every route the limiter must cover.
    const flow = routes.map((route) => ({
      node: anchorOf(route.coverage.route.node),
      file: route.coverage.route.facts.file,
      message: `\`${route.coverage.route.method} ${route.path}\` is a ${KIND_NAMES[route.kind]} route with no rate limiter before it`,
    }));
    context.report({ node: anchorOf(junction), messageId: 'authRouteElsewhere', data: { ...data, where: locate(first.coverage), more }, flow });
  }
}

/** Methods that only read: a password check there is not a form submission (and GET bodies are not sent). */
const READING_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route (POST, PUT, PATCH, DELETE) whose endpoint handler checks a password: each request is one guess. */
function checksPassword(route: RouteEvent): boolean {
  const endpoint = route.terminalHandler ? route.handlers[route.handlers.length - 1] : undefined;
  if (endpoint === undefined || READING_METHODS.has(route.method)) return false;
  const kind = endpoint.facts.itemKind(endpoint);
  return kind.kind === 'function' && kind.effects.verifiesPassword;
}

/**
 * Where to point: the head of a registration call (`app.post`, `app.use`), not the whole call with its handler,
 * so the finding is one line and its fingerprint survives edits inside the handler.
 */
function anchorOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === 'CallExpression' || node.type === 'NewExpression') return node.callee;
  if (node.type === 'Decorator') return node.expression.type === 'CallExpression' ? node.expression.callee : node.expression;
  return node;
}

function locate(coverage: RouteCoverage): string {
  const file = coverage.route.facts.file;
  return `${file.path}:${file.source.positionAt(coverage.route.node.range[0]).line}`;
}
