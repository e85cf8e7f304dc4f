/**
 * Express (https://expressjs.com/en/5x/api.html): `express()` is an app, `express.Router()` a router. Routes are
 * `app.METHOD(path, ...handlers)` and `app.route(path).METHOD(...)`; `app.use([path,] ...middleware)` mounts
 * middleware and routers, which run in registration order, so a limiter mounted after a route does not guard it.
 * Express sends `X-Powered-By: Express` until `app.disable('x-powered-by')`.
 */
import type { LibraryModel } from '../concepts.js';
import type { HandlerShape, HttpFrameworkShape } from './http-shape.js';

const ROUTE_METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', all: 'ALL', options: 'OPTIONS', head: 'HEAD' } as const;

/** `res.status(429)`, `res.sendStatus(429)`, `res.writeHead(429, headers)`; `res.set/header/setHeader(name, value)`. */
export const EXPRESS_HANDLER: HandlerShape = {
  responseParameter: 1,
  statusCalls: [
    { member: ['status'], argument: 0 },
    { member: ['sendStatus'], argument: 0 },
    { member: ['writeHead'], argument: 0 },
  ],
  statusAssignments: [['statusCode']],
  headerCalls: [
    { member: ['setHeader'], argument: 0 },
    { member: ['set'], argument: 0 },
    { member: ['header'], argument: 0 },
    { member: ['writeHead'], argument: 1 },
  ],
};

const USE = { method: 'use', path: 'optional-first', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null } as const;

export const EXPRESS_APP: HttpFrameworkShape = {
  framework: 'Express',
  role: 'app',
  routeMethods: ROUTE_METHODS,
  routeBuilders: ['route'],
  routeObjectMethods: [],
  namedRoutes: false,
  routeOptions: null,
  mounts: [USE],
  listenMethods: ['listen'],
  servingMembers: [],
  exportServes: true,
  mountOrderMatters: true,
  chainableMethods: ['use', 'set', 'enable', 'disable', ...Object.keys(ROUTE_METHODS)],
  mountableMembers: [],
  creationPrefix: null,
  poweredBy: {
    disabledBy: [
      { method: 'disable', arguments: ['x-powered-by'] },
      { method: 'set', arguments: ['x-powered-by', false] },
    ],
  },
  handler: EXPRESS_HANDLER,
  rootModuleArgument: null,
  classMiddlewareMethod: null,
};

export const EXPRESS_ROUTER: HttpFrameworkShape = {
  ...EXPRESS_APP,
  role: 'router',
  listenMethods: [],
  exportServes: false,
  poweredBy: null,
  chainableMethods: ['use', ...Object.keys(ROUTE_METHODS)],
};

export const expressFramework: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#express',
  rows: [
    { concept: 'http-app', path: '()', shape: EXPRESS_APP },
    { concept: 'http-app', path: 'Router()', shape: EXPRESS_ROUTER },
  ],
};
