/**
 * Rate limiters, by framework. Each is a middleware, plugin, guard or decorator that answers 429 once a client
 * is over its limit; mounted before a route, it slows password guessing and token brute force.
 */
import type { LibraryModel } from '../concepts.js';

/** express-rate-limit: `rateLimit(options)` is the default and a named export (https://express-rate-limit.mintlify.app/reference/configuration). */
export const expressRateLimit: LibraryModel = {
  name: 'express-rate-limit',
  modules: ['express-rate-limit'],
  docs: 'https://express-rate-limit.mintlify.app/overview',
  rows: [
    { concept: 'rate-limiter', path: '()' },
    { concept: 'rate-limiter', path: '{rateLimit,default}()' },
  ],
};

/** express-slow-down delays rather than refuses, which still bounds guessing speed (https://github.com/express-rate-limit/express-slow-down). */
export const expressSlowDown: LibraryModel = {
  name: 'express-slow-down',
  modules: ['express-slow-down'],
  docs: 'https://github.com/express-rate-limit/express-slow-down#usage',
  rows: [
    { concept: 'rate-limiter', path: '()' },
    { concept: 'rate-limiter', path: 'slowDown()' },
  ],
};

/** rate-limiter-flexible is not middleware: `limiter.consume(key)` inside your own middleware counts the request (https://github.com/animir/node-rate-limiter-flexible/wiki/Express-Middleware). */
export const rateLimiterFlexible: LibraryModel = {
  name: 'rate-limiter-flexible',
  modules: ['rate-limiter-flexible'],
  docs: 'https://github.com/animir/node-rate-limiter-flexible/wiki/API-methods',
  rows: [
    {
      concept: 'rate-limit-check',
      path: '{RateLimiterMemory,RateLimiterRedis,RateLimiterMongo,RateLimiterMySQL,RateLimiterPostgres,RateLimiterMemcache,RateLimiterCluster,RateLimiterDynamo,RateLimiterPrisma,RateLimiterUnion,RateLimiterQueue,RLWrapperBlackAndWhite,BurstyRateLimiter}().{consume,removeTokens,penalty}',
    },
  ],
};

/**
 * @fastify/rate-limit: a plugin, global by default; with `global: false` only routes whose `config.rateLimit` is
 * set are limited (https://github.com/fastify/fastify-rate-limit#options). After registration the instance has a
 * `rateLimit()` decorator usable as an `onRequest` hook.
 */
export const fastifyRateLimit: LibraryModel = {
  name: '@fastify/rate-limit',
  modules: ['@fastify/rate-limit', 'fastify-rate-limit'],
  docs: 'https://github.com/fastify/fastify-rate-limit#usage',
  rows: [
    { concept: 'rate-limiter', path: '', optInOption: 'global' },
    { concept: 'rate-limiter', path: 'fastifyRateLimit', optInOption: 'global' },
  ],
};

/** The `fastify.rateLimit()` decorator @fastify/rate-limit adds to an instance, used as a route hook. */
export const fastifyRateLimitDecorator: LibraryModel = {
  name: '@fastify/rate-limit',
  modules: ['fastify'],
  docs: 'https://github.com/fastify/fastify-rate-limit#using-the-ratelimit-decorator',
  rows: [
    { concept: 'rate-limiter', path: '().rateLimit()' },
    { concept: 'rate-limiter', path: '{fastify,FastifyInstance}().rateLimit()' },
  ],
};

/**
 * @nestjs/throttler: `ThrottlerGuard` bound by `@UseGuards`, `useGlobalGuards` or an APP_GUARD provider limits
 * requests; `@Throttle()` sets a route's limits and `@SkipThrottle()` exempts it (https://docs.nestjs.com/security/rate-limiting).
 */
export const nestThrottler: LibraryModel = {
  name: '@nestjs/throttler',
  modules: ['@nestjs/throttler'],
  docs: 'https://docs.nestjs.com/security/rate-limiting',
  rows: [
    { concept: 'rate-limiter', path: 'ThrottlerGuard' },
    { concept: 'rate-limiter', path: 'Throttle()' },
    { concept: 'rate-limit-exemption', path: 'SkipThrottle()', argument: 0 },
  ],
};

/** koa-ratelimit: `ratelimit({ driver, db, ... })` middleware (https://github.com/koajs/ratelimit). */
export const koaRatelimit: LibraryModel = {
  name: 'koa-ratelimit',
  modules: ['koa-ratelimit'],
  docs: 'https://github.com/koajs/ratelimit#example',
  rows: [
    { concept: 'rate-limiter', path: '()' },
  ],
};

/** hono-rate-limiter: `rateLimiter({ windowMs, limit, keyGenerator })` (https://github.com/rhinobase/hono-rate-limiter). */
export const honoRateLimiter: LibraryModel = {
  name: 'hono-rate-limiter',
  modules: ['hono-rate-limiter'],
  docs: 'https://github.com/rhinobase/hono-rate-limiter#usage',
  rows: [{ concept: 'rate-limiter', path: 'rateLimiter()' }],
};
