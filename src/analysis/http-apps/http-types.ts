/**
 * The vocabulary of a file's web-framework facts (CodeQL's RouteSetup / RouteHandler / middleware concepts):
 * containers (apps, routers, plugin scopes), the events registered on them in order (mounts, routes, listen,
 * serve, hand-offs), the items a mount or route carries, and what each item turns out to be.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { LibraryModel, RateLimiterRow, SecurityHeadersRow } from '../../models/concepts.js';
import type { HttpFrameworkShape, MountShape } from '../../models/frameworks/http-shape.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { HttpContainer } from './http-container.js';

/** The file the HTTP facts are about (its scope, origins, values and concepts; its taint resolvers for project functions). */
export type HttpFileView = FileContext;

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * When an event happens, for "is this limiter mounted before that route?". Positions compare only inside one
 * frame (a function body or the module); events inlined from a function the app was handed to sit at the
 * position of that call, then at their own position inside the function.
 */
export interface EventOrder {
  readonly frame: TSESTree.Node;
  readonly at: readonly number[];
}

/** Something mounted or attached to a route: a middleware, plugin, router, guard or decorator expression. */
export interface MountedItem {
  readonly node: TSESTree.Node;
  /** The facts of the file `node` is in (answers go through that file's origins and scope). */
  readonly facts: HttpAppFacts;
  readonly shape: HttpFrameworkShape;
  /** The options of the registration carrying it (`register(plugin, opts)`), for plugins configured there. */
  readonly mountOptions: TSESTree.Node | null;
  /** A function item is a plugin whose parameter here is a child scope (`fastify.register(fn)`), or null. */
  readonly scopeParameter: number | null;
}

interface EventBase {
  readonly order: EventOrder;
  /** The call (or decorator) that registered it, in `file`. */
  readonly node: TSESTree.Node;
  readonly facts: HttpAppFacts;
  /** The node in the container's own file that led here: `node` itself, or the call that handed the app to a function. */
  readonly site: TSESTree.Node;
}

export interface MountEvent extends EventBase {
  readonly kind: 'mount';
  readonly mount: MountShape | null;
  /** The mount path relative to the container ('' when none; null when not a constant). */
  readonly path: string | null;
  readonly items: readonly MountedItem[];
}

export interface RouteEvent extends EventBase {
  readonly kind: 'route';
  /** Upper-case HTTP method, `ALL` for any. */
  readonly method: string;
  readonly path: string | null;
  /** Middleware, hooks and guards, in the order they run; with `terminalHandler`, the last is the endpoint itself. */
  readonly handlers: readonly MountedItem[];
  readonly terminalHandler: boolean;
  /** A route options object (Fastify), or null. */
  readonly options: TSESTree.ObjectExpression | null;
}

export interface ServingEvent extends EventBase {
  /** `listen`: the app listens; `serve`: it is handed to a server; `export`: exported from its module. */
  readonly kind: 'listen' | 'serve' | 'export';
}

export interface PoweredByOffEvent extends EventBase {
  readonly kind: 'powered-by-off';
}

/** The instance reached code the analysis cannot see into: an unresolved function, a property store, a return. */
export interface OpaqueEvent extends EventBase {
  readonly kind: 'opaque';
  readonly reason: 'unknown-function' | 'stored' | 'returned';
}

export type ContainerEvent = MountEvent | RouteEvent | ServingEvent | PoweredByOffEvent | OpaqueEvent;

/** What a hand-written middleware or handler does, as far as the rules care. */
export interface HandlerEffects {
  /** It answers 429 (`res.status(429)`, `ctx.status = 429`, `reply.code(429)`, `c.json(body, 429)`). */
  readonly answersTooManyRequests: boolean;
  /** It counts the request against a modeled limiter (`limiter.consume(key)`) or calls a limiter middleware. */
  readonly checksRateLimit: boolean;
  /** Security headers it sets by hand, lower case. */
  readonly securityHeaders: readonly string[];
  /** It hands the request or response to a function the analysis cannot see into. */
  readonly delegatesToUnknown: boolean;
  /** It checks a password against a stored hash (`bcrypt.compare`, `argon2.verify`), here or in a helper it calls. */
  readonly verifiesPassword: boolean;
}

/** The options object a middleware was configured with (`helmet({ ... })`), possibly in another file. */
export interface ItemOptions {
  readonly node: TSESTree.Node;
  readonly facts: HttpAppFacts;
}

export type ItemKind =
  | { readonly kind: 'security-headers'; readonly row: SecurityHeadersRow; readonly options: ItemOptions | null }
  | { readonly kind: 'rate-limiter'; readonly row: RateLimiterRow; readonly model: LibraryModel; readonly options: ItemOptions | null }
  | { readonly kind: 'exemption'; readonly model: LibraryModel }
  /** A router, sub-app or plugin scope; `shared` when its middleware applies to the parent too (fastify-plugin). */
  | {
      readonly kind: 'container';
      readonly container: HttpContainer;
      readonly shared: boolean;
      /** The return (statement, or arrow with an expression body) that hands it to the mount, when a factory builds it. */
      readonly returnedBy?: TSESTree.Node;
    }
  | { readonly kind: 'function'; readonly effects: HandlerEffects }
  /** A library value with no bearing on headers or limits (`cors()`, `express.json()`), or a guard that does not limit. */
  | { readonly kind: 'neutral' }
  /** Project code the analysis cannot follow: it might do anything. */
  | { readonly kind: 'unknown' };
