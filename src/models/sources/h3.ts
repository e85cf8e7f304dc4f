/**
 * h3, the HTTP layer of Nitro and Nuxt's server (https://h3.unjs.io/guide/event-handler): handlers made with
 * `defineEventHandler((event) => ...)` read the request through functions taking the event
 * (https://h3.unjs.io/utils/request): `getQuery(event)`, `readBody(event)`, `getRouterParam(event, 'id')`,
 * `getHeader(event, name)`, `getCookie(event, name)`. Nuxt and Nitro auto-import these into server files
 * (`server/api`, `server/routes`, `server/middleware`), so there they are globals; elsewhere they are imported.
 * The validating readers (`readValidatedBody`, `getValidatedQuery`) return what the project's validator
 * returns and are not sources: rampart cannot read that validator's schema.
 */
import type { LibraryModel } from '../concepts.js';
import type { ExportConvention } from './next.js';
import type { RequestShape } from './request-shape.js';

const HANDLER = { concept: 'request-handler', request: 'h3-event', parameter: 0 } as const;
const DEFINERS = ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler'];

export const h3Sources: LibraryModel = {
  name: 'h3',
  modules: ['h3', '#imports'],
  docs: 'https://h3.unjs.io/utils/request',
  rows: [
    { ...HANDLER, path: `{${DEFINERS.join(',')}}`, argument: 0 },
    { ...HANDLER, path: `{${DEFINERS.join(',')}}`, argument: 0, property: 'handler' },
    { concept: 'request-type', path: 'H3Event()', request: 'h3-event' },
    { concept: 'request-reader', path: 'getQuery', argument: 0, input: 'query' },
    { concept: 'request-reader', path: 'getRequestURL', argument: 0, input: 'url', text: true },
    { concept: 'request-reader', path: '{readBody,readRawBody,readFormData,readMultipartFormData}', argument: 0, input: 'body' },
    { concept: 'request-reader', path: '{getRouterParam,getRouterParams}', argument: 0, input: 'parameter', text: true },
    { concept: 'request-reader', path: '{getHeader,getHeaders,getRequestHeader,getRequestHeaders}', argument: 0, input: 'header', text: true },
    { concept: 'request-reader', path: '{getCookie,parseCookies}', argument: 0, input: 'cookie', text: true },
  ],
};

export const h3Event: RequestShape = {
  id: 'h3-event',
  inputs: [
    { paths: ['context.params'], kind: 'parameter', text: true },
    { paths: ['headers', 'node.req.headers'], kind: 'header', text: true },
    { paths: ['path', 'node.req.url'], kind: 'url', text: true },
  ],
};

/** The packages whose projects auto-import h3 into their server files. */
export const NITRO_PROJECT_SIGNALS: readonly string[] = ['nuxt', 'nuxt3', 'nitropack', 'nitro'];

/** Nitro's server directories: a default export wrapped in an auto-imported definer is an event handler. */
export const nitroConvention: ExportConvention = {
  framework: 'nitro',
  requires: NITRO_PROJECT_SIGNALS,
  files: /(^|\/)(server\/)?(api|routes|middleware)\/.+\.[cm]?[jt]s$/,
  exports: ['default'],
  wrappers: DEFINERS,
  parameters: [{ index: 0, request: 'h3-event' }],
};

/** The module an auto-imported global of a Nitro server file comes from. */
export const NITRO_AUTO_IMPORT_MODULE = 'h3';
