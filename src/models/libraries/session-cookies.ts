import type { LibraryModel } from '../concepts.js';
import type { CookieDefaults, CookieWriteRow } from '../session-concepts.js';

/** Express `res.cookie` and Fastify (`@fastify/cookie`) `reply.setCookie` leave HttpOnly and Secure off unless set. */
const OFF: CookieDefaults = { httpOnly: false, secure: false };
/** The `cookies` package (Koa, cookie-session): HttpOnly on, Secure on for HTTPS requests. */
const COOKIES_PACKAGE: CookieDefaults = { httpOnly: true, secure: 'per-request' };

const koaCookieRow = (context: string): CookieWriteRow => ({ concept: 'cookie-write', path: `${context}.cookies.set`, name: 0, value: 1, options: 2, defaults: COOKIES_PACKAGE });

/** Cookie writes on responses (https://expressjs.com/en/5x/api.html#res.cookie, https://github.com/fastify/fastify-cookie, https://koajs.com/#ctx-cookies-set-name-value-options). */
export const cookieWrites: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.cookie',
  rows: [{ concept: 'cookie-write', path: 'Response().cookie', name: 0, value: 1, options: 2, defaults: OFF }],
};

export const fastifyCookieWrites: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://github.com/fastify/fastify-cookie#sending',
  rows: [{ concept: 'cookie-write', path: 'FastifyReply().{setCookie,cookie}', name: 0, value: 1, options: 2, defaults: OFF }],
};

export const koaCookieWrites: LibraryModel = {
  name: 'koa',
  modules: ['koa'],
  docs: 'https://koajs.com/#ctx-cookies-set-name-value-options',
  rows: [koaCookieRow('{Context,ParameterizedContext,DefaultContext}()')],
};

/**
 * Session middleware. express-session (https://github.com/expressjs/session#cookie): `session({ secret, cookie })`,
 * cookie HttpOnly by default and Secure off. cookie-session (https://github.com/expressjs/cookie-session#options):
 * flags at the top level, through the `cookies` package. koa-session (https://github.com/koajs/session#options):
 * `session(config, app)`, flags at the top level, the `cookies` package. @fastify/session
 * (https://github.com/fastify/session#options): a plugin registered with `{ secret, cookie }`, cookie Secure and
 * HttpOnly by default.
 */
export const expressSessionCookies: LibraryModel = {
  name: 'express-session',
  modules: ['express-session'],
  docs: 'https://github.com/expressjs/session#cookie',
  rows: [{ concept: 'session-middleware', path: '', options: 0, cookie: 'cookie', secrets: ['secret'], defaults: { httpOnly: true, secure: false } }],
};

export const cookieSessionCookies: LibraryModel = {
  name: 'cookie-session',
  modules: ['cookie-session'],
  docs: 'https://github.com/expressjs/cookie-session#options',
  rows: [{ concept: 'session-middleware', path: '', options: 0, secrets: ['secret', 'keys'], defaults: COOKIES_PACKAGE }],
};

export const koaSession: LibraryModel = {
  name: 'koa-session',
  modules: ['koa-session'],
  docs: 'https://github.com/koajs/session#options',
  rows: [{ concept: 'session-middleware', path: '', options: 0, secrets: [], defaults: COOKIES_PACKAGE }],
};

export const fastifySession: LibraryModel = {
  name: '@fastify/session',
  modules: ['@fastify/session'],
  docs: 'https://github.com/fastify/session#options',
  rows: [{ concept: 'session-middleware', path: '', options: 1, plugin: true, cookie: 'cookie', secrets: ['secret'], defaults: { httpOnly: true, secure: true } }],
};
