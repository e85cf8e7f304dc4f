/**
 * The shape of a web framework's app or router, as data: which methods register routes, mount middleware,
 * listen, and how a hand-written middleware answers (its response parameter, the calls that set a status or a
 * header). `analysis/http-apps/` reads these to build a file's apps, routers, middleware chains and routes; rules
 * never name a framework. Each framework model (`express.ts`, `fastify.ts`, ...) cites the docs its shape is
 * read from.
 */

/** A method that mounts middleware or a plugin: `app.use([path,] ...mw)`, `fastify.register(plugin, opts)`. */
export interface MountShape {
  readonly method: string;
  /** `optional-first`: a leading string (or array of strings) is a path; `first`: argument 0 is always the path. */
  readonly path: 'optional-first' | 'first' | 'none';
  /** Arguments (after any path) before this index are not middleware: `addHook('onRequest', fn)` has 1. */
  readonly firstMiddleware: number;
  /** The options argument of a plugin registration (`register(plugin, opts)`), or null. */
  readonly optionsArgument: number | null;
  /** The option that prefixes the plugin's routes (`{ prefix: '/auth' }`), or null. */
  readonly prefixOption: string | null;
  /** A function mounted here is a plugin: its parameter at this index is a child scope of the instance. */
  readonly scopeParameter: number | null;
}

/** Route options objects: Fastify's `post(path, { onRequest, config }, handler)` and `route({ method, url, handler })`. */
export interface RouteOptionsShape {
  /** Position of the options object in the `post(path, options, handler)` shorthand. */
  readonly shorthandArgument: number;
  /** Properties holding request hooks (functions or arrays of them) that run before the handler. */
  readonly hookProperties: readonly string[];
  readonly methodProperty: string;
  readonly pathProperties: readonly string[];
  readonly handlerProperty: string;
  /**
   * Where per-route rate-limit settings live (`config.rateLimit`, read by @fastify/rate-limit): an object there
   * opts the route in to a plugin registered with `global: false`; `false` opts it out of a global one.
   */
  readonly rateLimitOption: readonly string[] | null;
}

/** A member path from the handler's response parameter and the argument that holds a status or header name. */
export interface ResponseCall {
  readonly member: readonly string[];
  readonly argument: number;
}

/** How a hand-written middleware or handler answers: enough to see `res.status(429)` or `ctx.set('X-Frame-Options', …)`. */
export interface HandlerShape {
  /** The parameter holding the object that answers: `res` (1) in Express, `ctx` (0) in Koa, `reply` (1) in Fastify, `c` (0) in Hono. */
  readonly responseParameter: number;
  /** Calls whose argument is the response status: `res.status(429)`, `reply.code(429)`, `ctx.throw(429)`, `c.json(body, 429)`. */
  readonly statusCalls: readonly ResponseCall[];
  /** Members assigned the status: `ctx.status = 429`, `res.statusCode = 429`. */
  readonly statusAssignments: readonly (readonly string[])[];
  /** Calls whose argument is a header name, or an object whose keys are header names: `res.setHeader(name, v)`, `ctx.set({...})`. */
  readonly headerCalls: readonly ResponseCall[];
}

/** `X-Powered-By`, sent by default by some frameworks, and the calls that switch it off. */
export interface PoweredByShape {
  /** `app.disable('x-powered-by')`: the method and the constant arguments that switch the header off. */
  readonly disabledBy: readonly { readonly method: string; readonly arguments: readonly (string | boolean)[] }[];
}

export interface HttpFrameworkShape {
  /** For messages: `Express`, `Fastify`, `Koa`, `NestJS`, `Hono`. */
  readonly framework: string;
  /** An app serves requests; a router only joins an app where it is mounted. */
  readonly role: 'app' | 'router';
  /** `app.post(path, ...handlers)`: method name → HTTP method (`all` for any). */
  readonly routeMethods: Readonly<Record<string, string>>;
  /** `app.route('/x').post(handler)`: methods returning a route object whose `routeMethods` register at the path. */
  readonly routeBuilders: readonly string[];
  /** `fastify.route({ method, url, handler })`. */
  readonly routeObjectMethods: readonly string[];
  /** Koa-router may name a route first: `router.post('login', '/login', handler)`. */
  readonly namedRoutes: boolean;
  readonly routeOptions: RouteOptionsShape | null;
  readonly mounts: readonly MountShape[];
  readonly listenMethods: readonly string[];
  /** Members holding the app's request handler (`app.callback()` in Koa, `app.fetch` in Hono): handing one to a server serves the app. */
  readonly servingMembers: readonly string[];
  /** Exporting the app is how it is served (another file listens, or the runtime does); false when apps double as routers (Hono). */
  readonly exportServes: boolean;
  /** Middleware applies only to routes registered after it (Express, Koa, Hono); false when plugins apply to the whole scope. */
  readonly mountOrderMatters: boolean;
  /** Methods returning the instance itself, so `app.use(a).use(b)` chains. */
  readonly chainableMethods: readonly string[];
  /** Members that turn a router into mountable middleware (`router.routes()` in koa-router). */
  readonly mountableMembers: readonly string[];
  /** A prefix given at creation: `new Router({ prefix: '/auth' })`. */
  readonly creationPrefix: { readonly argument: number; readonly property: string } | null;
  readonly poweredBy: PoweredByShape | null;
  readonly handler: HandlerShape;
  /** A class mounted as middleware runs this method as its handler (`use(req, res, next)` of a Nest middleware), or null. */
  readonly classMiddlewareMethod: string | null;
  /** The creation argument holding a root module whose graph lists controllers, guards and middleware (NestJS), or null. */
  readonly rootModuleArgument: number | null;
}

/**
 * Response headers that are protection mechanisms (OWASP Secure Headers Project): a middleware that sets any of
 * them by hand is an equivalent of helmet for the missing-headers question. Lower case, as HTTP compares them.
 */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set([
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
]);

/** The HTTP status a rate limiter answers with when a client is over its limit (RFC 6585). */
export const TOO_MANY_REQUESTS = 429;
