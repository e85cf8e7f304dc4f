/**
 * CORS middleware: where the allowed origins and `credentials` are configured. `origin: true` and a function
 * that allows every origin reflect the request's Origin back; a regular expression or list restricts it.
 */
import type { LibraryModel } from '../concepts.js';

/** cors for Express and Connect (https://github.com/expressjs/cors#configuration-options): `origin` defaults to `*`. */
export const expressCors: LibraryModel = {
  name: 'cors',
  modules: ['cors'],
  docs: 'https://github.com/expressjs/cors#configuration-options',
  rows: [{ concept: 'cors-options', path: '', argument: 0, defaultOrigin: 'any', originFunction: 'callback' }],
};

/** @fastify/cors (https://github.com/fastify/fastify-cors#options): a plugin, `register(cors, options)`. */
export const fastifyCors: LibraryModel = {
  name: '@fastify/cors',
  modules: ['@fastify/cors', 'fastify-cors'],
  docs: 'https://github.com/fastify/fastify-cors#options',
  rows: [{ concept: 'cors-options', path: '', plugin: true, defaultOrigin: 'any', originFunction: 'callback' }],
};

/** @koa/cors (https://github.com/koajs/cors#corsoptions): `origin` defaults to the request's Origin header. */
export const koaCors: LibraryModel = {
  name: '@koa/cors',
  modules: ['@koa/cors', 'koa2-cors'],
  docs: 'https://github.com/koajs/cors#corsoptions',
  rows: [{ concept: 'cors-options', path: '', argument: 0, defaultOrigin: 'reflect', originFunction: 'returns' }],
};

/** Hono's cors (https://hono.dev/docs/middleware/builtin/cors): a function `origin` returns the origin to allow. */
export const honoCors: LibraryModel = {
  name: 'hono/cors',
  modules: ['hono/cors'],
  docs: 'https://hono.dev/docs/middleware/builtin/cors',
  rows: [{ concept: 'cors-options', path: 'cors', argument: 0, defaultOrigin: 'any', originFunction: 'returns' }],
};

/** NestJS (https://docs.nestjs.com/security/cors): `app.enableCors(options)` or `NestFactory.create(Module, { cors })`, the cors package's options. */
export const nestCors: LibraryModel = {
  name: '@nestjs/core',
  modules: ['@nestjs/core'],
  docs: 'https://docs.nestjs.com/security/cors',
  rows: [
    { concept: 'cors-options', path: 'NestFactory.create().enableCors', argument: 0, defaultOrigin: 'any', originFunction: 'callback' },
    { concept: 'cors-options', path: 'NestFactory.create', argument: 1, property: 'cors', defaultOrigin: 'any', originFunction: 'callback' },
  ],
};

export const CORS_MODELS: readonly LibraryModel[] = [expressCors, fastifyCors, koaCors, honoCors, nestCors];
