/**
 * Fastify (https://fastify.dev/docs/latest/Reference/Request/): route shorthands and `route({ handler })` on an
 * instance; a typed `FastifyInstance` (a plugin's first parameter) registers routes the same way.
 */
import type { LibraryModel } from '../concepts.js';
import { FASTIFY_INSTANCE } from '../frameworks/fastify.js';
import { handlerMethods } from './registrations.js';
import { CLIENT_FILE_MEMBERS, type RequestShape } from './request-shape.js';

const VERBS = handlerMethods(FASTIFY_INSTANCE, []);
const HANDLER = { concept: 'request-handler', request: 'fastify-request', parameter: 0, response: { parameter: 1, type: 'FastifyReply()' } } as const;

export const fastifySources: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Routes/',
  rows: [
    { ...HANDLER, path: `().${VERBS}` },
    { ...HANDLER, path: `{fastify,Fastify,FastifyInstance}().${VERBS}` },
    { ...HANDLER, path: '().route', argument: 0, property: 'handler' },
    { ...HANDLER, path: '{fastify,Fastify,FastifyInstance}().route', argument: 0, property: 'handler' },
    { concept: 'request-type', path: 'FastifyRequest()', request: 'fastify-request' },
  ],
};

/**
 * Route schemas (https://fastify.dev/docs/latest/Reference/Validation-and-Serialization/): Fastify validates
 * `querystring`, `params`, `body` and `headers` with ajv before the handler runs, coercing types, so a field
 * declared `integer` or `enum` arrives as one.
 */
export const fastifyRequest: RequestShape = {
  id: 'fastify-request',
  routeSchemas: { option: 'schema', parts: { query: ['querystring', 'query'], params: ['params'], body: ['body'], headers: ['headers'] } },
  inputs: [
    { paths: ['query'], kind: 'query' },
    { paths: ['params'], kind: 'parameter' },
    { paths: ['body', 'parts()', 'formData()'], kind: 'body' },
    { paths: ['headers', 'raw.headers'], kind: 'header' },
    { paths: ['cookies'], kind: 'cookie' },
    { paths: ['url', 'originalUrl', 'hostname', 'host', 'ip', 'ips', 'raw.url'], kind: 'url' },
    // @fastify/multipart: a part's `toBuffer()` resolves to the uploaded contents (the method itself is no input).
    { paths: [`{file,files,saveRequestFiles}().**.${CLIENT_FILE_MEMBERS}`, '{file,files,parts}().**.toBuffer()'], kind: 'file' },
  ],
};
