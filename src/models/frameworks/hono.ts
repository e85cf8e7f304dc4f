/**
 * Hono (https://hono.dev/docs/api/routing): `new Hono()` is both app and router; `app.route(path, sub)` mounts a
 * sub-app, `app.use([path,] ...mw)` middleware, which applies to the handlers registered after it. A Hono app is
 * served by handing `app.fetch` to a server (`serve()` of @hono/node-server, `Bun.serve`, `export default { fetch }`);
 * exporting the app alone is also how sub-apps are shared, so it is not taken as serving. A handler answers
 * through `c` (`c.json(body, 429)`, `c.header(name, value)`). `secureHeaders` from 'hono/secure-headers' is
 * Hono's helmet (https://hono.dev/docs/middleware/builtin/secure-headers).
 */
import type { LibraryModel } from '../concepts.js';
import type { HttpFrameworkShape } from './http-shape.js';

const ROUTE_METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', all: 'ALL', options: 'OPTIONS' } as const;

export const HONO_APP: HttpFrameworkShape = {
  framework: 'Hono',
  role: 'app',
  routeMethods: ROUTE_METHODS,
  routeBuilders: [],
  routeObjectMethods: [],
  namedRoutes: false,
  routeOptions: null,
  mounts: [
    { method: 'use', path: 'optional-first', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null },
    { method: 'route', path: 'first', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null },
  ],
  listenMethods: [],
  servingMembers: ['fetch', 'fire'],
  exportServes: false,
  mountOrderMatters: true,
  chainableMethods: ['use', 'route', 'basePath', ...Object.keys(ROUTE_METHODS)],
  mountableMembers: [],
  creationPrefix: null,
  poweredBy: null,
  handler: {
    responseParameter: 0,
    statusCalls: [
      { member: ['status'], argument: 0 },
      { member: ['json'], argument: 1 },
      { member: ['text'], argument: 1 },
      { member: ['body'], argument: 1 },
      { member: ['html'], argument: 1 },
    ],
    statusAssignments: [],
    headerCalls: [
      { member: ['header'], argument: 0 },
      { member: ['res', 'headers', 'set'], argument: 0 },
    ],
  },
  rootModuleArgument: null,
  classMiddlewareMethod: null,
};

export const honoFramework: LibraryModel = {
  name: 'hono',
  modules: ['hono', 'hono/tiny', 'hono/quick'],
  docs: 'https://hono.dev/docs/api/hono',
  rows: [
    { concept: 'http-app', path: 'Hono()', shape: HONO_APP },
    { concept: 'http-app', path: 'Hono().basePath()', shape: HONO_APP },
  ],
};

/** Every option switches its header off with `false`; Content-Security-Policy is only set when configured. */
export const honoSecureHeaders: LibraryModel = {
  name: 'hono/secure-headers',
  modules: ['hono/secure-headers'],
  docs: 'https://hono.dev/docs/middleware/builtin/secure-headers',
  rows: [
    {
      concept: 'security-headers',
      path: 'secureHeaders()',
      argument: 0,
      removesPoweredBy: true,
      switches: [
        { option: 'strictTransportSecurity', header: 'Strict-Transport-Security' },
        { option: 'xFrameOptions', header: 'X-Frame-Options' },
        { option: 'xContentTypeOptions', header: 'X-Content-Type-Options' },
      ],
    },
  ],
};
