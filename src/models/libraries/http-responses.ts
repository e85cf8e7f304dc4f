import type { HeaderWriteRow, LibraryModel, RedirectRow } from '../concepts.js';

/**
 * Response objects: where a redirect target is chosen (`redirect` rows) and where header values are written
 * (`header-write` rows). The response types are the ones the source models name for a handler's response
 * parameter (models/sources/*), so an untyped `res` of a registered handler resolves here too.
 */
function locationRows(path: string): RedirectRow[] {
  return [{ concept: 'redirect', path, argument: 1, header: 'location' }];
}

/** The value of any header set by name in argument 0 (`res.setHeader(name, value)`): CR/LF there splits, or on Node 14+ throws. */
function headerValueRows(path: string): HeaderWriteRow[] {
  return [{ concept: 'header-write', path, argument: 1 }];
}

/**
 * Express (https://expressjs.com/en/5x/api.html#res.redirect): `res.redirect([status,] path)`,
 * `res.location(path)`, and the header setters `set`/`header`/`append` (with Node's `setHeader`/`writeHead`).
 * `res.cookie` is absent: Express encodes the value with `encodeURIComponent` unless given an `encode` option.
 */
export const expressResponses: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.redirect',
  rows: [
    { concept: 'redirect', path: 'Response().{redirect,location}', argument: 0 },
    // `res.redirect(301, url)`: a status first.
    { concept: 'redirect', path: 'Response().redirect', argument: 1 },
    ...locationRows('Response().{setHeader,set,header,append}'),
    { concept: 'redirect', path: 'Response().writeHead', argument: 1, property: 'Location' },
    ...headerValueRows('Response().{setHeader,set,header,append}'),
    // `res.writeHead(status, headers)`: every value of the headers object.
    { concept: 'header-write', path: 'Response().writeHead', argument: 1 },
  ],
};

/** node:http (https://nodejs.org/api/http.html#responsesetheadername-value): `res.setHeader`, `res.writeHead(status, headers)`. */
export const nodeHttpResponses: LibraryModel = {
  name: 'http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  docs: 'https://nodejs.org/api/http.html#responsewriteheadstatuscode-statusmessage-headers',
  rows: [
    ...locationRows('ServerResponse().{setHeader,appendHeader}'),
    { concept: 'redirect', path: 'ServerResponse().writeHead', argument: 1, property: 'Location' },
    ...headerValueRows('ServerResponse().{setHeader,appendHeader}'),
    { concept: 'header-write', path: 'ServerResponse().writeHead', argument: 1 },
  ],
};

/** Koa (https://koajs.com/#response): `ctx.redirect(url)`, `ctx.set(field, value)` (also on `ctx.response`). */
const KOA_CONTEXT_ROWS = (context: string): Array<RedirectRow | HeaderWriteRow> => [
  { concept: 'redirect', path: `${context}.redirect`, argument: 0 },
  ...locationRows(`${context}.{set,append}`),
  ...headerValueRows(`${context}.{set,append}`),
];

export const koaResponses: LibraryModel = {
  name: 'koa',
  modules: ['koa'],
  docs: 'https://koajs.com/#response-redirect-url-alt',
  rows: KOA_CONTEXT_ROWS('{Context,ParameterizedContext,DefaultContext}()'),
};

export const koaRouterResponses: LibraryModel = {
  name: 'koa-router',
  modules: ['@koa/router', 'koa-router'],
  docs: 'https://github.com/koajs/router/blob/master/API.md',
  rows: KOA_CONTEXT_ROWS('{RouterContext,RouterParamContext}()'),
};

/** Fastify (https://fastify.dev/docs/latest/Reference/Reply/#redirectdest--code): `reply.redirect(url[, code])` (v4: `redirect([code,] url)`), `reply.header`. */
export const fastifyResponses: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Reply/',
  rows: [
    { concept: 'redirect', path: 'FastifyReply().redirect', argument: 0 },
    { concept: 'redirect', path: 'FastifyReply().redirect', argument: 1 },
    ...locationRows('FastifyReply().header'),
    ...headerValueRows('FastifyReply().header'),
  ],
};

/** Hono (https://hono.dev/docs/api/context#redirect): `c.redirect(location, status)`, `c.header(name, value)`. */
export const honoResponses: LibraryModel = {
  name: 'hono',
  modules: ['hono'],
  docs: 'https://hono.dev/docs/api/context',
  rows: [
    { concept: 'redirect', path: 'Context().redirect', argument: 0 },
    ...locationRows('Context().header'),
    ...headerValueRows('Context().header'),
  ],
};

/**
 * Next.js (https://nextjs.org/docs/app/api-reference/functions/redirect): `redirect(path)` and
 * `permanentRedirect(path)` from next/navigation, `NextResponse.redirect(url)` from next/server.
 */
export const nextNavigation: LibraryModel = {
  name: 'next/navigation',
  modules: ['next/navigation'],
  docs: 'https://nextjs.org/docs/app/api-reference/functions/redirect',
  rows: [{ concept: 'redirect', path: '{redirect,permanentRedirect}', argument: 0 }],
};

export const nextServerResponses: LibraryModel = {
  name: 'next/server',
  modules: ['next/server'],
  docs: 'https://nextjs.org/docs/app/api-reference/functions/next-response#redirect',
  rows: [{ concept: 'redirect', path: 'NextResponse.redirect', argument: 0 }],
};
