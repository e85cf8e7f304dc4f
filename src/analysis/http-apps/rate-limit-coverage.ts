/**
 * Which routes of an app a rate limiter guards (CodeQL's "middleware before the route"): for each route, the
 * limiters mounted on the app and on every router above it that run before it and cover its path, plus its
 * own middleware, hooks, guards and options. Middleware the analysis cannot follow makes the answer unknown,
 * never "unlimited". Fastify plugins and Nest guards apply to their whole scope; Express, Koa and Hono
 * middleware only to routes registered after it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, unwrapExpression } from '../node-shapes.js';
import type { LibraryModel } from '../../models/concepts.js';
import type { HttpFrameworkShape } from '../../models/frameworks/http-shape.js';
import { isReturnToMount } from './header-coverage.js';
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
  /** The absolute path it is mounted at (it guards routes under it), or null for any path. */
  readonly scope: string | null;
}

/** Where a container sits in the app: its exact path prefix (null when not a constant) and a best-effort label. */
interface Place {
  readonly exact: string | null;
  readonly label: string;
  readonly junction: TSESTree.Node | null;
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

const computed = new WeakMap<HttpContainer, AppLimitCoverage>();

/** The coverage of an app's routes, computed once per app (both rate-limit rules ask). */
export function rateLimitCoverage(app: HttpContainer): AppLimitCoverage {
  const known = computed.get(app);
  if (known !== undefined) return known;
  const walk: Walk = { app, routes: [], stack: new Set(), hasLimiter: false, complete: true };
  visit(walk, app, [], { exact: '', label: '', junction: null }, 0);
  const coverage = { routes: walk.routes, hasLimiter: walk.hasLimiter, complete: walk.complete };
  computed.set(app, coverage);
  return coverage;
}

function visit(walk: Walk, container: HttpContainer, inherited: readonly Protection[], place: Place, depth: number, returnedBy: TSESTree.Node | null = null): void {
  if (depth > MAX_NESTING || walk.stack.has(container)) {
    walk.complete = false;
    return;
  }
  walk.stack.add(container);
  const events = scopeEvents(container, 0).filter((event) => !isReturnToMount(event, returnedBy));
  const ordered = container.shape.mountOrderMatters;
  for (const event of events) {
    if (event.kind === 'opaque') walk.complete = false;
    if (event.kind === 'route') {
      const around = [...inherited, ...protectionsAt(events, event.order, ordered, place.exact)];
      walk.routes.push(routeCoverage(walk, container.shape, event, around, place));
    }
    if (event.kind !== 'mount') continue;
    const scope = scopeOf(place.exact, event.path);
    event.items.forEach((item, index) => {
      const kind = item.facts.itemKind(item);
      noteAnywhere(walk, item, kind);
      if (kind.kind !== 'container' || kind.shared) return;
      const before = event.items.slice(0, index).flatMap((earlier) => protectionsOf(earlier, earlier.facts.itemKind(earlier), event, scope));
      const childInherited = [...inherited, ...protectionsAt(events, event.order, ordered, place.exact), ...before];
      const creation = creationPrefix(kind.container);
      const child: Place = {
        exact: scopeOf(scope, creation),
        label: joinPaths(joinPaths(place.label, event.path ?? ''), creation ?? '') ?? '',
        junction: place.junction ?? (kind.container.facts !== walk.app.facts ? event.site : null),
      };
      visit(walk, kind.container, childInherited, child, depth + 1, kind.returnedBy ?? null);
    });
  }
  walk.stack.delete(container);
}

/** An absolute path under a prefix; null when either is not a constant. */
function scopeOf(prefix: string | null, path: string | null): string | null {
  return prefix === null || path === null ? null : joinPaths(prefix, path);
}

/** Whether the app has a limiter anywhere, and whether every item was understood. */
function noteAnywhere(walk: Walk, item: MountedItem, kind: ItemKind): void {
  const limits = protectionsOf(item, kind, null, null);
  if (limits.some((protection) => protection.kind !== 'unknown')) walk.hasLimiter = true;
  if (limits.some((protection) => protection.kind === 'unknown')) walk.complete = false;
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

/** Protections a container's own mounts and opaque hand-offs give to what is registered at `order`. */
function protectionsAt(events: readonly ContainerEvent[], order: EventOrder, ordered: boolean, prefix: string | null): Protection[] {
  const found: Protection[] = [];
  for (const event of events) {
    if (ordered && !mayRunBefore(event.order, order)) continue;
    if (event.kind === 'opaque' || event.kind === 'export') found.push({ kind: 'unknown', model: null, switchable: false, scope: null });
    if (event.kind !== 'mount') continue;
    const scope = scopeOf(prefix, event.path);
    for (const item of event.items) found.push(...protectionsOf(item, item.facts.itemKind(item), event, scope));
  }
  return found;
}

function protectionsOf(item: MountedItem, kind: ItemKind, mount: MountEvent | null, scope: string | null): Protection[] {
  switch (kind.kind) {
    case 'rate-limiter': {
      const option = kind.row.optInOption;
      const options = kind.options === null ? null : unwrapExpression(kind.options.node);
      const optInOnly = option !== undefined && options?.type === 'ObjectExpression' && isFalse(item, findProperty(options, option)?.value);
      return [{ kind: optInOnly ? 'opt-in' : 'limiter', model: kind.model, switchable: option !== undefined && mount !== null, scope }];
    }
    case 'function':
      if (kind.effects.answersTooManyRequests || kind.effects.checksRateLimit) return [{ kind: 'limiter', model: null, switchable: false, scope }];
      return kind.effects.delegatesToUnknown ? [{ kind: 'unknown', model: null, switchable: false, scope }] : [];
    case 'unknown':
      return [{ kind: 'unknown', model: null, switchable: false, scope }];
    default:
      return [];
  }
}

function isFalse(item: MountedItem, node: TSESTree.Node | undefined): boolean {
  return node !== undefined && item.facts.file.values.valueOf(node)?.value === false;
}

function routeCoverage(walk: Walk, shape: HttpFrameworkShape, route: RouteEvent, around: readonly Protection[], place: Place): RouteCoverage {
  const exempt = new Set<LibraryModel>();
  const own: Protection[] = [];
  const routePath = scopeOf(place.exact, route.path);
  route.handlers.forEach((item, index) => {
    const kind = item.facts.itemKind(item);
    if (kind.kind === 'exemption') exempt.add(kind.model);
    const found = protectionsOf(item, kind, null, null);
    // The endpoint itself counts only when it limits: an unresolved controller is endpoint logic, not middleware.
    const isEndpoint = route.terminalHandler && index === route.handlers.length - 1;
    const counted = isEndpoint ? found.filter((protection) => protection.kind === 'limiter') : found;
    if (counted.some((protection) => protection.kind !== 'unknown')) walk.hasLimiter = true;
    if (counted.some((protection) => protection.kind === 'unknown')) walk.complete = false;
    own.push(...counted);
  });
  const option = routeLimitOption(route, shape);
  if (option === 'on') walk.hasLimiter = true;
  const protections = [...around.filter((protection) => mountCovers(protection.scope, routePath)), ...own];
  const limited =
    option === 'on' ||
    protections.some((protection) => protection.kind === 'limiter' && !(protection.model !== null && exempt.has(protection.model)) && !(protection.switchable && option === 'off'));
  const unknown = protections.some((protection) => protection.kind === 'unknown');
  const state: LimitState = limited ? 'limited' : unknown ? 'unknown' : 'unlimited';
  const junction = place.junction ?? (route.facts === walk.app.facts ? route.node : route.site);
  return { route, path: route.path === null ? null : joinPaths(place.label, route.path), state, junction };
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
