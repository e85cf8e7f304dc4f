import type { LibraryModel } from '../concepts.js';

/**
 * Where a response body becomes a page the browser renders. Express sends a string body as `text/html` when no
 * Content-Type was set (https://expressjs.com/en/5x/api.html#res.send); Koa picks `text/html` for a string
 * body starting with `<` (https://koajs.com/#response-body-); node:http, Fastify (`text/plain` for strings)
 * and `res.write`/`res.end` render HTML only when the handler declared it; Hono's `c.html` always is.
 * `**` lets a row match through the response's own chainable methods (`res.status(404).send(x)`).
 */
export const expressHtmlResponses: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.send',
  rows: [
    { concept: 'html-output', path: 'Response().**.send', argument: 0, htmlWhen: 'string-default' },
    { concept: 'html-output', path: 'Response().**.{write,end}', argument: 0, htmlWhen: 'declared' },
  ],
};

export const nodeHttpHtmlResponses: LibraryModel = {
  name: 'http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  docs: 'https://nodejs.org/api/http.html#responsewritechunk-encoding-callback',
  rows: [{ concept: 'html-output', path: 'ServerResponse().**.{write,end}', argument: 0, htmlWhen: 'declared' }],
};

export const fastifyHtmlResponses: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Reply/#senddata',
  rows: [{ concept: 'html-output', path: 'FastifyReply().**.send', argument: 0, htmlWhen: 'declared' }],
};

export const honoHtmlResponses: LibraryModel = {
  name: 'hono',
  modules: ['hono'],
  docs: 'https://hono.dev/docs/api/context#html',
  rows: [{ concept: 'html-output', path: 'Context().html', argument: 0 }],
};

/** `ctx.body = value` (a property write: `argument` 0 is the assigned value). */
export const koaHtmlResponses: LibraryModel = {
  name: 'koa',
  modules: ['koa', '@koa/router', 'koa-router'],
  docs: 'https://koajs.com/#response-body-',
  rows: [
    { concept: 'html-output', path: '{Context,RouterContext,ParameterizedContext}().body', argument: 0, htmlWhen: 'leading-markup' },
    { concept: 'html-output', path: '{Context,RouterContext,ParameterizedContext}().response.body', argument: 0, htmlWhen: 'leading-markup' },
  ],
};

/**
 * Response methods that set the Content-Type, across the modeled frameworks, and where they take it:
 * `type`: argument 0 is a MIME type or extension (`res.type('html')`, `reply.type('text/plain')`);
 * `named`: argument 0 names a header and argument 1 is its value, or argument 0 is an object of headers
 * (`res.set`, `res.setHeader`, `reply.header`, `ctx.set`); `status-then-headers`: `writeHead(status, [message,] headers)`.
 * Koa's `ctx.type = 'html'` is the property form of `type`.
 */
export const CONTENT_TYPE_SETTERS: Readonly<Record<string, 'type' | 'named' | 'status-then-headers'>> = {
  type: 'type',
  contentType: 'type',
  set: 'named',
  header: 'named',
  headers: 'named',
  setHeader: 'named',
  append: 'named',
  writeHead: 'status-then-headers',
};
export const CONTENT_TYPE_PROPERTIES: ReadonlySet<string> = new Set(['type', 'response.type']);

/** Response methods that return the response itself, so `res.status(404).type('html').send(x)` is one response. */
export const CHAINABLE_RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'status', 'code', 'type', 'contentType', 'set', 'header', 'headers', 'append', 'vary', 'cookie', 'clearCookie', 'location',
  'links', 'attachment', 'setHeader', 'writeHead', 'removeHeader',
]);

export const HTML_RESPONSES: readonly LibraryModel[] = [expressHtmlResponses, nodeHttpHtmlResponses, fastifyHtmlResponses, honoHtmlResponses, koaHtmlResponses];
