/**
 * Koa (https://koajs.com/#request) and its routers (@koa/router, koa-router): middleware and route handlers
 * receive the context first. `ctx.body` is the response body, not input; `ctx.request.body` is the parsed
 * request body (koa-bodyparser, koa-body).
 */
import type { LibraryModel } from '../concepts.js';
import { KOA_ROUTER } from '../frameworks/koa.js';
import { handlerMethods } from './registrations.js';
import { CLIENT_FILE_MEMBERS, type RequestShape } from './request-shape.js';

const VERBS = handlerMethods(KOA_ROUTER, ['use', 'param']);
// The context is the response too (`ctx.redirect`, `ctx.set`): koa's `Context`, or the router's `RouterContext`.
const HANDLER = { concept: 'request-handler', request: 'koa-context', parameter: 0, response: { parameter: 0, type: 'Context()' } } as const;
const ROUTER_HANDLER = { ...HANDLER, response: { parameter: 0, type: 'RouterContext()' } } as const;

export const koaSources: LibraryModel = {
  name: 'koa',
  modules: ['koa'],
  docs: 'https://koajs.com/#application',
  rows: [
    { ...HANDLER, path: '().use' },
    { concept: 'request-type', path: '{Context,ParameterizedContext,DefaultContext}()', request: 'koa-context' },
  ],
};

export const koaRouterSources: LibraryModel = {
  name: 'koa-router',
  modules: ['@koa/router', 'koa-router'],
  docs: 'https://github.com/koajs/router/blob/master/API.md',
  rows: [
    { ...ROUTER_HANDLER, path: `().${VERBS}` },
    { concept: 'request-type', path: '{RouterContext,RouterParamContext}()', request: 'koa-context' },
  ],
};

export const koaContext: RequestShape = {
  id: 'koa-context',
  inputs: [
    { paths: ['query', 'querystring', 'search', 'request.query', 'request.querystring', 'request.search'], kind: 'query' },
    { paths: ['params', 'request.params', 'captures'], kind: 'parameter' },
    { paths: ['request.body', 'request.rawBody', 'req.body'], kind: 'body' },
    { paths: ['headers', 'header', 'get()', 'request.headers', 'request.header', 'request.get()', 'req.headers'], kind: 'header' },
    { paths: ['cookies.get()'], kind: 'cookie' },
    { paths: ['url', 'originalUrl', 'href', 'path', 'host', 'hostname', 'origin', 'ip', 'ips', 'subdomains', 'request.url', 'request.originalUrl', 'request.href', 'request.path', 'request.host', 'request.hostname', 'request.ip', 'req.url'], kind: 'url' },
    { paths: [`{files,file}.**.${CLIENT_FILE_MEMBERS}`, `request.{files,file}.**.${CLIENT_FILE_MEMBERS}`], kind: 'file' },
  ],
};
