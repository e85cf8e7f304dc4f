/**
 * Koa (https://koajs.com/#application) and its routers @koa/router / koa-router
 * (https://github.com/koajs/router/blob/master/API.md). `app.use(mw)` chains middleware in order;
 * `app.use(router.routes())` mounts a router, whose `router.use([path,] ...mw)` and route middleware run in
 * order. A middleware answers through `ctx` (`ctx.status = 429`, `ctx.throw(429)`, `ctx.set(name, value)`).
 */
import type { LibraryModel } from '../concepts.js';
import type { HandlerShape, HttpFrameworkShape } from './http-shape.js';

export const KOA_HANDLER: HandlerShape = {
  responseParameter: 0,
  statusCalls: [{ member: ['throw'], argument: 0 }],
  statusAssignments: [['status'], ['response', 'status']],
  headerCalls: [
    { member: ['set'], argument: 0 },
    { member: ['response', 'set'], argument: 0 },
  ],
};

const NO_ROUTES = {} as const;

export const KOA_APP: HttpFrameworkShape = {
  framework: 'Koa',
  role: 'app',
  routeMethods: NO_ROUTES,
  routeBuilders: [],
  routeObjectMethods: [],
  namedRoutes: false,
  routeOptions: null,
  mounts: [{ method: 'use', path: 'none', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null }],
  listenMethods: ['listen'],
  servingMembers: ['callback'],
  // Koa composes apps: an exported Koa app is as often a sub-app mounted with koa-mount (`app.use(mount('/oauth',
  // oauth))`) as a server, so only `listen` and `callback()` count as serving; on outline's server, treating an
  // export as serving flagged three mounted sub-apps whose parent sets the headers.
  exportServes: false,
  mountOrderMatters: true,
  chainableMethods: ['use'],
  mountableMembers: [],
  creationPrefix: null,
  poweredBy: null,
  handler: KOA_HANDLER,
  rootModuleArgument: null,
  classMiddlewareMethod: null,
};

const ROUTER_METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', all: 'ALL', options: 'OPTIONS', head: 'HEAD' } as const;

export const KOA_ROUTER: HttpFrameworkShape = {
  framework: 'Koa',
  role: 'router',
  routeMethods: ROUTER_METHODS,
  routeBuilders: [],
  routeObjectMethods: [],
  namedRoutes: true,
  routeOptions: null,
  mounts: [{ method: 'use', path: 'optional-first', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null }],
  listenMethods: [],
  servingMembers: [],
  exportServes: false,
  mountOrderMatters: true,
  chainableMethods: ['use', ...Object.keys(ROUTER_METHODS)],
  mountableMembers: ['routes', 'middleware'],
  creationPrefix: { argument: 0, property: 'prefix' },
  poweredBy: null,
  handler: KOA_HANDLER,
  rootModuleArgument: null,
  classMiddlewareMethod: null,
};

export const koaFramework: LibraryModel = {
  name: 'koa',
  modules: ['koa'],
  docs: 'https://koajs.com/#application',
  rows: [
    { concept: 'http-app', path: '()', shape: KOA_APP },
  ],
};

export const koaRouter: LibraryModel = {
  name: '@koa/router',
  modules: ['@koa/router', 'koa-router'],
  docs: 'https://github.com/koajs/router/blob/master/API.md',
  rows: [
    { concept: 'http-app', path: '()', shape: KOA_ROUTER },
  ],
};
