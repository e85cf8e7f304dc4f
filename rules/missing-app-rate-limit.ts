/**
 * What: an Express, Fastify, Koa, NestJS or Hono app that serves HTTP and has no rate limiter anywhere: not on
 * the app, not on a router, not on a single route. The audit-tier companion of `missing-rate-limit`.
 * Why: one client can exhaust the app (CPU, database connections, paid downstream APIs) or scrape it at will.
 * Quiet on: apps whose middleware or hand-offs it cannot follow, apps exported for another module to finish,
 * apps with any limiter at all, apps that serve only probes (`/health`, `/metrics`, `/version`). Limits enforced by a proxy or gateway are invisible to it: hence precision low.
 */
import { servesApplication } from '../src/analysis/http-apps/app-surface.js';
import type { HttpContainer } from '../src/analysis/http-apps/http-container.js';
import { rateLimitCoverage } from '../src/analysis/http-apps/rate-limit-coverage.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'noLimiter';

export const missingAppRateLimit = defineRule<MessageId>({
  id: 'missing-app-rate-limit',
  title: 'Web app without any rate limiting',
  cwe: ['CWE-770', 'CWE-307'],
  owasp: { 2021: ['A04:2021'], 2025: ['A06:2025'] },
  severity: 'low',
  precision: 'low',
  help: 'Mount an app-wide rate limiter (express-rate-limit, @fastify/rate-limit, koa-ratelimit, hono-rate-limiter, Nest ThrottlerGuard as APP_GUARD), or record where requests are limited upstream.',
  messages: {
    noLimiter:
      'This {{app}} serves {{count}} route{{plural}} and no rate limiter is mounted anywhere in it; add an app-wide limiter, or suppress this with the name of the proxy or gateway that limits requests.',
  },
  appliesTo: (file) => file.httpApps.apps().length > 0,
  create: (context) => ({
    'Program:exit': () => {
      for (const app of context.httpApps.apps()) checkApp(context, app);
    },
  }),
});

function checkApp(context: RuleContext<MessageId>, app: HttpContainer): void {
  if (!app.serves()) return;
  // Exported without being served here: the importing module may still add a limiter.
  const servedHere = app.events().some((event) => event.kind === 'listen' || event.kind === 'serve');
  if (app.escapes() && !servedHere) return;
  const coverage = rateLimitCoverage(app);
  // Only probes (`/health`, `/metrics`) or no routes at all: nothing worth flooding.
  if (!coverage.complete || coverage.hasLimiter || coverage.routes.length === 0 || !servesApplication(app)) return;
  const count = coverage.routes.length;
  context.report({ node: app.origin, messageId: 'noLimiter', data: { app: app.describe(), count: String(count), plural: count === 1 ? '' : 's' } });
}
