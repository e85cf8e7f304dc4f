/**
 * APIs that serve an app handed to them: Node's `http(s).createServer(app)` (https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener),
 * @hono/node-server's `serve({ fetch: app.fetch })` (https://github.com/honojs/node-server), and serverless-http's
 * `serverless(app)` (https://github.com/dougmoscrop/serverless-http).
 */
import type { LibraryModel } from '../concepts.js';

export const nodeHttpServe: LibraryModel = {
  name: 'node:http',
  modules: ['http', 'node:http', 'https', 'node:https', 'http2', 'node:http2'],
  docs: 'https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener',
  rows: [
    { concept: 'http-serve', path: '{createServer,createSecureServer}' },
  ],
};

export const honoNodeServer: LibraryModel = {
  name: '@hono/node-server',
  modules: ['@hono/node-server'],
  docs: 'https://github.com/honojs/node-server#usage',
  rows: [{ concept: 'http-serve', path: '{serve,createAdaptorServer}' }],
};

export const serverlessHttp: LibraryModel = {
  name: 'serverless-http',
  modules: ['serverless-http'],
  docs: 'https://github.com/dougmoscrop/serverless-http#usage',
  rows: [{ concept: 'http-serve', path: '' }],
};

/** Runtime globals that serve a request handler: `Bun.serve({ fetch })` (https://bun.sh/docs/api/http), `Deno.serve(handler)`. */
export const GLOBAL_SERVE_APIS: readonly string[] = ['Bun.serve', 'Deno.serve'];
