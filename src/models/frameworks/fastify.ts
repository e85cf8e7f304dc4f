/**
 * Fastify (https://fastify.dev/docs/latest/Reference/): `fastify()` is an instance; `register(plugin, opts)` runs a
 * plugin in a child scope (`opts.prefix` prefixes its routes) unless the plugin is wrapped with `fastify-plugin`.
 * Hooks and plugins apply to every route of their scope whatever the order, so order is not compared. Routes take
 * an options object whose `onRequest`/`preHandler` hooks run first and whose `config.rateLimit` is read by
 * @fastify/rate-limit (https://github.com/fastify/fastify-rate-limit#options-on-the-endpoint-itself).
 */
import type { LibraryModel } from '../concepts.js';
import type { HttpFrameworkShape } from './http-shape.js';

const ROUTE_METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', all: 'ALL', options: 'OPTIONS', head: 'HEAD' } as const;

export const FASTIFY_INSTANCE: HttpFrameworkShape = {
  framework: 'Fastify',
  role: 'app',
  routeMethods: ROUTE_METHODS,
  routeBuilders: [],
  routeObjectMethods: ['route'],
  namedRoutes: false,
  routeOptions: {
    shorthandArgument: 1,
    hookProperties: ['onRequest', 'preParsing', 'preValidation', 'preHandler'],
    methodProperty: 'method',
    pathProperties: ['url', 'path'],
    handlerProperty: 'handler',
    rateLimitOption: ['config', 'rateLimit'],
  },
  mounts: [
    { method: 'register', path: 'none', firstMiddleware: 0, optionsArgument: 1, prefixOption: 'prefix', scopeParameter: 0 },
    { method: 'addHook', path: 'none', firstMiddleware: 1, optionsArgument: null, prefixOption: null, scopeParameter: null },
  ],
  listenMethods: ['listen'],
  servingMembers: [],
  exportServes: true,
  mountOrderMatters: false,
  chainableMethods: ['register', 'addHook', ...Object.keys(ROUTE_METHODS)],
  mountableMembers: [],
  creationPrefix: null,
  poweredBy: null,
  handler: {
    responseParameter: 1,
    statusCalls: [
      { member: ['code'], argument: 0 },
      { member: ['status'], argument: 0 },
    ],
    statusAssignments: [['statusCode']],
    headerCalls: [
      { member: ['header'], argument: 0 },
      { member: ['headers'], argument: 0 },
    ],
  },
  rootModuleArgument: null,
  classMiddlewareMethod: null,
};

export const fastifyFramework: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Server/',
  rows: [
    { concept: 'http-app', path: '()', shape: FASTIFY_INSTANCE },
    { concept: 'http-app', path: '{fastify,default}()', shape: FASTIFY_INSTANCE },
  ],
};

/** fastify-plugin (https://github.com/fastify/fastify-plugin): `fp(fn)` makes `fn` share its parent's scope. */
export const fastifyPlugin: LibraryModel = {
  name: 'fastify-plugin',
  modules: ['fastify-plugin'],
  docs: 'https://github.com/fastify/fastify-plugin#usage',
  rows: [
    { concept: 'plugin-wrapper', path: '', argument: 0 },
    { concept: 'plugin-wrapper', path: 'fastifyPlugin', argument: 0 },
  ],
};

/** @fastify/autoload registers every plugin in a folder: project code the analysis does not follow. */
export const fastifyAutoload: LibraryModel = {
  name: '@fastify/autoload',
  modules: ['@fastify/autoload'],
  docs: 'https://github.com/fastify/fastify-autoload',
  rows: [
    { concept: 'project-code-loader', path: '' },
    { concept: 'project-code-loader', path: 'fastifyAutoload' },
  ],
};
