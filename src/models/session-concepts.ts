/**
 * Session and cookie concepts: middleware that keeps a session in a cookie, and calls that write a cookie.
 * Rows say where the options are and what the library does when a flag is left out; what is weak is
 * judged by the `insecure-session-cookie` rule.
 */

interface SessionRowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/**
 * What a library does with a cookie flag the code leaves out: `httpOnly` and `secure` true or false, or for
 * `secure` `'per-request'` (the `cookies` package behind Koa and cookie-session sets it on HTTPS requests).
 */
export interface CookieDefaults {
  readonly httpOnly: boolean;
  readonly secure: boolean | 'per-request';
}

/**
 * Session middleware (`session({ secret, cookie })`, `cookieSession({ keys, secure })`, `session(opts, app)`,
 * `fastify.register(fastifySession, { secret, cookie })`). `options` is the options argument (for a plugin, of
 * the registration); `cookie` the property holding the cookie flags, absent when they sit at the top level;
 * `secrets` the properties holding signing secrets.
 */
export interface SessionMiddlewareRow extends SessionRowBase {
  readonly concept: 'session-middleware';
  readonly options: number;
  readonly plugin?: true;
  readonly cookie?: string;
  readonly secrets: readonly string[];
  readonly defaults: CookieDefaults;
}

/** Sets a response cookie: `res.cookie(name, value, options)`, `reply.setCookie(...)`, `ctx.cookies.set(...)`. */
export interface CookieWriteRow extends SessionRowBase {
  readonly concept: 'cookie-write';
  readonly name: number;
  readonly value: number;
  readonly options: number;
  readonly defaults: CookieDefaults;
}

export type SessionRow = SessionMiddlewareRow | CookieWriteRow;
