/**
 * What: request data chooses where a redirect sends the browser: Express `res.redirect`/`res.location`, a
 * `Location` header (`setHeader`, `set`, `writeHead`), Koa `ctx.redirect`, Fastify `reply.redirect`, Hono
 * `c.redirect`, Next.js `redirect()`/`permanentRedirect()` and `NextResponse.redirect`, and the `{ url }` a NestJS `@Redirect()` route method returns.
 * Why: a link on the real site sends users to a look-alike login page (phishing), or leaks tokens in the URL.
 * Quiet on: input after a fixed `https://host/` or a fixed path such as `/login?next=`, allow-listed targets,
 * `new URL(x, base)` checked against the base's origin, constants, and the request's own URL.
 */
import { nestRouteReturn } from '../src/analysis/taint/nest-route-returns.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { otherPathsOf, sourceProperties, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const openRedirect = defineRule<MessageId>({
  id: 'open-redirect',
  title: 'Redirect to a URL chosen by request data',
  cwe: ['CWE-601'],
  owasp: { 2021: ['A01:2021'], 2025: ['A01:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Redirect only to paths of this site (one leading `/`, not `//` or `/\\`) or to targets from an allow-list; parse with `new URL(target, base)` and compare `.origin` with the base.',
  messages: {
    tainted: '{{api}} redirects to a target taken from {{source}}; allow only paths of this site or targets from an allow-list.',
    taintedElsewhere: '{{source}} flows into a redirect by {{api}} in another module; check the target there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) => ({
    ...taintSinkListeners(context, { concept: 'redirect', sanitizedFor: 'url' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
    // NestJS: `@Redirect() @Get('go') go(@Query('to') to: string) { return { url: to }; }`.
    ReturnStatement(statement) {
      const sink = nestRouteReturn(context.file, statement);
      if (sink?.kind !== 'redirect') return;
      const flows = context.taint.flowsAt(sink.value, sink.path, { sanitizedFor: 'url', sinkLabel: sink.api }, sink.value);
      const [flow] = flows;
      if (flow !== undefined) context.report({ node: sink.value, messageId: 'tainted', data: { api: sink.api, source: flow.source.label }, flow: flow.steps, otherPaths: otherPathsOf(flows), properties: sourceProperties(flow) });
    },
  }),
});
