/**
 * Node's http/https servers (https://nodejs.org/api/http.html#class-httpincomingmessage): the request listener's
 * first parameter is an IncomingMessage; its body arrives through `req.on('data', chunk => ...)`.
 */
import type { LibraryModel } from '../concepts.js';
import type { RequestShape } from './request-shape.js';

const HANDLER = { concept: 'request-handler', request: 'node-request', parameter: 0, response: { parameter: 1, type: 'ServerResponse()' } } as const;

export const nodeHttpSources: LibraryModel = {
  name: 'http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  docs: 'https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener',
  rows: [
    { ...HANDLER, path: 'createServer' },
    { ...HANDLER, path: '{Server,createServer}().on', argument: 1 },
    { concept: 'request-type', path: 'IncomingMessage()', request: 'node-request' },
  ],
};

export const nodeRequest: RequestShape = {
  id: 'node-request',
  inputs: [
    { paths: ['url'], kind: 'url' },
    { paths: ['{headers,rawHeaders,headersDistinct}'], kind: 'header' },
    { paths: ['on()'], kind: 'body', callbackEvent: 'data' },
  ],
};
