/**
 * Middleware that serves a folder's files: mounted without a route, it still answers requests with pages and
 * scripts, so an app that mounts one serves content (missing-security-headers judges it like a routed app).
 */
import type { LibraryModel } from '../concepts.js';

/** `express.static(root)` is serve-static (https://expressjs.com/en/starter/static-files.html). */
export const expressStatic: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/api.html#express.static',
  rows: [{ concept: 'static-files', path: 'static()' }],
};

/** serve-static (https://github.com/expressjs/serve-static#readme) and koa-static (https://github.com/koajs/static#readme): `serve(root)`. */
export const serveStatic: LibraryModel = {
  name: 'serve-static',
  modules: ['serve-static', 'koa-static'],
  docs: 'https://github.com/expressjs/serve-static#readme',
  rows: [{ concept: 'static-files', path: '()' }],
};

/** @fastify/static is registered as a plugin: `fastify.register(fastifyStatic, { root })` (https://github.com/fastify/fastify-static). */
export const fastifyStatic: LibraryModel = {
  name: '@fastify/static',
  modules: ['@fastify/static', 'fastify-static'],
  docs: 'https://github.com/fastify/fastify-static#usage',
  rows: [{ concept: 'static-files', path: '' }],
};
