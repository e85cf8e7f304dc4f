/** Hono (https://hono.dev/docs/api/request): handlers and middleware receive the context `c`; input is on `c.req`. */
import type { LibraryModel } from '../concepts.js';
import { HONO_APP } from '../frameworks/hono.js';
import { handlerMethods } from './registrations.js';
import type { RequestShape } from './request-shape.js';

const VERBS = handlerMethods(HONO_APP, ['on', 'use']);
// The context is the response too (`c.redirect`, `c.header`).
const HANDLER = { concept: 'request-handler', request: 'hono-context', parameter: 0, response: { parameter: 0, type: 'Context()' } } as const;

export const honoSources: LibraryModel = {
  name: 'hono',
  modules: ['hono'],
  docs: 'https://hono.dev/docs/api/routing',
  rows: [
    { ...HANDLER, path: `Hono().${VERBS}` },
    { concept: 'request-type', path: 'Context()', request: 'hono-context' },
  ],
};

export const honoContext: RequestShape = {
  id: 'hono-context',
  inputs: [
    { paths: ['req.query()', 'req.queries()'], kind: 'query' },
    { paths: ['req.param()'], kind: 'parameter' },
    { paths: ['req.json()', 'req.text()', 'req.parseBody()', 'req.formData()', 'req.arrayBuffer()', 'req.blob()', 'req.valid()', 'req.raw.json()', 'req.raw.text()', 'req.raw.formData()'], kind: 'body' },
    { paths: ['req.header()', 'req.raw.headers'], kind: 'header' },
    { paths: ['req.url', 'req.path', 'req.raw.url'], kind: 'url' },
  ],
};
