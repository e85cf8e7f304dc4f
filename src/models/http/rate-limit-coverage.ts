/**
 * Which routes of an app a rate limiter guards (CodeQL's "middleware before the route"): for each route, the
 * limiters mounted on the app and on every router above it that run before it and cover its path, plus its
 * own middleware, hooks, guards and options. Middleware the analysis cannot follow makes the answer unknown,
 * never "unlimited". Fastify plugins and Nest guards apply to their whole scope; Express, Koa and Hono
 * middleware only to routes registered after it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, unwrapExpression } from '../../analysis/node-shapes.js';
import type { LibraryModel } from '../concepts.js';
import type { HttpFrameworkShape } from '../frameworks/http-shape.js';
import type { HttpContainer } from './http-container.js';
import type { ContainerEvent, EventOrder, ItemKind, MountedItem, MountEvent, RouteEvent } from './http-types.js';
import { joinPaths, mountCovers } from './route-paths.js';
import { compareOrder } from './syntax.js';

export type LimitState = 'limited' | 'unlimited' | 'unknown';

export interface RouteCoverage {
  readonly route: RouteEvent;
  /** The full path (router prefixes joined), or null when not a constant. */
  readonly path: string | null;
  readonly state: LimitState;
  /** Where the route joins the app in the app's own file: the route itself, or the mount / hand-off / bootstrap call. */
  readonly junction: TSESTree.Node;
}

export interface AppLimitCoverage {
  readonly routes: readonly RouteCoverage[];
  /** Some limiter is mounted or attached anywhere in the app. */
  readonly hasLimiter: boolean;
  /** Every mount, hand-off and route middleware was followed. */
  readonly complete: boolean;
}

interface Protection {
  readonly kind: 'limiter' | 'opt-in' | 'unknown';
  readonly model: LibraryModel | null;
  /** The limiter's registration can be switched off per route (`config.rateLimit: false`). */
  readonly switchable: boolean;
}

interface Walk {
  readonly app: HttpContainer;
  readonly routes: RouteCoverage[];
  readonly stack: Set<HttpContainer>;
  hasLimiter: boolean;
  complete: boolean;
}

/** Routers nested deeper than this are not followed (the app is then incomplete). */
const MAX_NESTING = 8;
/** Scopes shared with their parent (fastify-plugin), flattened this deep. */
const MAX_SHARED_DEPTH = 4;

export function rateLimitCoverage(app: HttpContainer): AppLimitCoverage {
  const walk: Walk = { app, routes: [], stack: new Set(), hasLimiter: false, complete: true };
  visit(walk, app, [], '', null, 0);
  return { routes: walk.routes, hasLimiter: walk.hasLimiter, complete: walk.complete };
}

function visit(walk: Walk, container: HttpContainer, inherited: readonly Protection[], prefix: string | null, junction: TSESTree.Node | null, depth: number): void {
  if (depth > MAX_NESTING || walk.stack.has(container)) {
    walk.complete = false;
    return;
  }
  walk.stack.add(container);
  const events = scopeEvents(container, 0);
  const ordered = container.shape.mountOrderMatters;
  for (const event of events) {
    if (event.kind === 'opaque') walk.complete = false;
    if (event.kind === 'route') {
      const around = [...inherited, ...protectionsAt(walk, events, event.order, event.path, ordered)];
      walk.routes.push(routeCoverage(walk, container.shape, event, around, { prefix, junction }));
    }
    if (event.kind !== 'mount') continue;
    event.items.forEach((item, index) => {
      const kind = item.facts.itemKind(item);
      if (kind.kind !== 'container' || kind.shared) return;
      const before = event.items.slice(0, index).flatMap((earlier) => protectionsOf(walk, earlier, earlier.facts.itemKind(earlier), event));
      const childInherited = [...inherited, ...protectionsAt(walk, events, event.order, event.path, ordered), ...before];
      const childPrefix = joinPaths(joinPaths(prefix, event.path), creationPrefix(kind.container));
      const childJunction = junction ?? (kind.container.facts !== walk.app.facts ? event.site : null);
      visit(walk, kind.container, childInherited, childPrefix, childJunction, depth + 1);
    });
  }
  walk.stack.delete(container);
}

/** A container's events plus those of plugins sharing its scope (`fastify-plugin`). */
function scopeEvents(container: HttpContainer, depth: number): ContainerEvent[] {
  const events = [...container.events()];
  if (depth >= MAX_SHARED_DEPTH) return events;
  for (const event of container.events()) {
    if (event.kind !== 'mount') continue;
    for (const item of event.items) {
      const kind = item.facts.itemKind(item);
      if (kind.kind === 'container' && kind.shared) events.push(...scopeEvents(kind.container, depth + 1));
    }
  }
  return events;
}

/** `new Router({ prefix: '/auth' })`. */
function creationPrefix(container: HttpContainer): string | null {
  const prefix = container.shape.creationPrefix;
  const origin = container.origin;
  if (prefix === null || origin.type !== 'NewExpression' && origin.type !== 'CallExpression') return '';
  const options = origin.arguments[prefix.argument];
  const object = options === undefined || options.type === 'SpreadElement' ? null : unwrapExpression(options);
  const value = object?.type === 'ObjectExpression' ? findProperty(object, prefix.property)?.value : undefined;
  return value === undefined ? '' : container.facts.file.values.stringOf(value);
}

/** May `a` run before `b`? Different frames: cannot tell, so yes. */
function mayRunBefore(a: EventOrder, b: EventOrder): boolean {
  const comparison = compareOrder(a, b);
  return comparison === null || comparison < 0;
}

/** Protections a container's own mounts and opaque hand-offs give at a point (`order`, relative `path`). */
function protectionsAt(walk: Walk, events: readonly ContainerEvent[], order: EventOrder, path: string | null, ordered: boolean): Protection[] {
  const found: Protection[] = [];
  for (const event of events) {
    const applies = !ordered || mayRunBefore(event.order, order);
    if (!applies) continue;
    if (event.kind === 'opaque' || event.kind === 'export') found.push({ kind: 'unknown', model: null, switchable: false });
    if (event.kind !== 'mount' || !mountCovers(event.path, path)) continue;
    for (const item of event.items) found.push(...protectionsOf(walk, item, item.facts.itemKind(item), event));
  }
  return found;
}

function protectionsOf(walk: Walk, item: MountedItem, kind: ItemKind, mount: MountEvent | null): Protection[] {
  switch (kind.kind) {
    case 'rate-limiter': {
      walk.hasLimiter = true;
      const option = kind.row.optInOption;
      const options = kind.options === null ? null : unwrapExpression(kind.options.node);
      const optInOnly = option !== undefined && options?.type === 'ObjectExpression' && isFalse(item, findProperty(options, option)?.value);
      return [{ kind: optInOnly ? 'opt-in' : 'limiter', model: kind.model, switchable: option !== undefined && mount !== null }];
    }
    case 'function':
      if (kind.effects.answersTooManyRequests || kind.effects.checksRateLimit) {
        walk.hasLimiter = true;
        return [{ kind: 'limiter', model: null, switchable: false }];
      }
      if (kind.effects.delegatesToUnknown) walk.complete = false;
      return kind.effects.delegatesToUnknown ? [{ kind: 'unknown', model: null, switchable: false }] : [];
    case 'unknown':
      walk.complete = false;
      return [{ kind: 'unknown', model: null, switchable: false }];
    default:
      return [];
  }
}

function isFalse(item: MountedItem, node: TSESTree.Node | undefined): boolean {
  return node !== undefined && item.facts.file.values.valueOf(node)?.value === false;
}

function routeCoverage(walk: Walk, shape: HttpFrameworkShape, route: RouteEvent, around: readonly Protection[], where: { prefix: string | null; junction: TSESTree.Node | null }): RouteCoverage {
  const exempt = new Set<LibraryModel>();
  const own: Protection[] = [];
  route.handlers.forEach((item, index) => {
    const kind = item.facts.itemKind(item);
    if (kind.kind === 'exemption') exempt.add(kind.model);
    const found = protectionsOf(walk, item, kind, null);
    // The endpoint itself counts only when it limits: an unresolved controller is endpoint logic, not middleware.
    const isEndpoint = route.terminalHandler && index === route.handlers.length - 1;
    own.push(...(isEndpoint ? found.filter((protection) => protection.kind === 'limiter') : found));
  });
  const option = routeLimitOption(route, shape);
  if (option === 'on') walk.hasLimiter = true;
  const protections = [...around, ...own];
  const limited =
    option === 'on' ||
    protections.some((protection) => protection.kind === 'limiter' && !(protection.model !== null && exempt.has(protection.model)) && !(protection.switchable && option === 'off'));
  const unknown = protections.some((protection) => protection.kind === 'unknown');
  const state: LimitState = limited ? 'limited' : unknown ? 'unknown' : 'unlimited';
  return { route, path: joinPaths(where.prefix, route.path), state, junction: where.junction ?? (route.facts === walk.app.facts ? route.node : route.site) };
}

/** `config: { rateLimit: {...} }` opts a route in; `rateLimit: false` opts it out; absent: neither. */
function routeLimitOption(route: RouteEvent, shape: HttpFrameworkShape): 'on' | 'off' | 'absent' {
  const names = shape.routeOptions?.rateLimitOption ?? null;
  if (route.options === null || names === null) return 'absent';
  let current: TSESTree.Node | undefined = route.options;
  for (const name of names) {
    const object: TSESTree.Node | undefined = current === undefined ? undefined : unwrapExpression(current);
    current = object?.type === 'ObjectExpression' ? findProperty(object, name)?.value : undefined;
  }
  if (current === undefined) return 'absent';
  return route.facts.file.values.valueOf(current)?.value === false ? 'off' : 'on';
}
