/**
 * Does an app serve an application, or only operational probes? Security headers protect pages and API
 * responses, rate limits protect work; an app whose only routes are health, readiness, liveness, metrics, ping or
 * version checks, or that has no routes at all (the HTTP side of a socket server, a metrics exporter, a worker
 * that listens to be probed), has neither to protect. Anything that may answer other requests counts as
 * serving: a route at another path (or one that is not a constant), a static-files middleware, a mount at a
 * path, a hand-written function mounted as the last handler (no `next`), and code the analysis cannot follow.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { HttpContainer } from './http-container.js';
import type { MountedItem } from './http-types.js';
import { joinPaths } from './route-paths.js';

/** Routers nested deeper than this are taken to serve (the walk stops). */
const MAX_NESTING = 8;

/** First path segments of probe endpoints (Kubernetes `/healthz`, `/readyz`, `/livez`; Prometheus `/metrics`; Spring-style `/health`, `/info`). */
const PROBE_SEGMENTS: ReadonlySet<string> = new Set([
  'health', 'healthz', 'healthcheck', 'healthchecks', 'health-check', '_health', 'livez', 'readyz', 'live', 'ready',
  'liveness', 'readiness', 'alive', 'ping', 'heartbeat', 'metrics', 'version', 'status', 'uptime', 'favicon.ico',
  'robots.txt',
]);
/** Prefixes probes are mounted under (`/api/v1/health`, `/internal/metrics`). */
const PROBE_PREFIX = /^(?:api|v\d+|internal|_)$/;

const computed = new WeakMap<HttpContainer, boolean>();

/** True when the app may answer anything but probes; computed once per app. */
export function servesApplication(app: HttpContainer): boolean {
  const known = computed.get(app);
  if (known !== undefined) return known;
  const serves = containerServes(app, '', new Set(), 0);
  computed.set(app, serves);
  return serves;
}

function containerServes(container: HttpContainer, prefix: string | null, stack: Set<HttpContainer>, depth: number): boolean {
  if (depth > MAX_NESTING || stack.has(container)) return true;
  stack.add(container);
  try {
    for (const event of container.events()) {
      if (event.kind === 'opaque') return true;
      if (event.kind === 'route' && !isProbePath(prefix === null ? null : joinPaths(prefix, event.path))) return true;
      if (event.kind !== 'mount') continue;
      const path = event.path === null || prefix === null ? null : joinPaths(prefix, event.path);
      const atPath = event.path !== '' && event.path !== '/' && event.path !== '*' && event.path !== '/*';
      for (const item of event.items) {
        const kind = item.facts.itemKind(item);
        if (kind.kind === 'container') {
          if (containerServes(kind.container, kind.shared ? prefix : path, stack, depth + 1)) return true;
        } else if (kind.kind === 'unknown' || isStaticFiles(item)) {
          return true;
        } else if (atPath && !isProbePath(path)) {
          return true;
        } else if (kind.kind === 'function' && isTerminalHandler(item)) {
          return true;
        }
      }
    }
    return false;
  } finally {
    stack.delete(container);
  }
}

/** `/health`, `/api/v1/readyz`, `/metrics/json`: a probe path; not a constant, or any other path, is not. */
export function isProbePath(path: string | null): boolean {
  if (path === null) return false;
  const segments = path.split('/').filter((segment) => segment !== '').map((segment) => segment.toLowerCase());
  let index = 0;
  while (index < segments.length - 1 && PROBE_PREFIX.test(segments[index] ?? '')) index += 1;
  const first = segments[index];
  if (first === undefined || !PROBE_SEGMENTS.has(first)) return false;
  return segments.slice(0, index).every((segment) => !segment.startsWith(':') && !segment.includes('*'));
}

function isStaticFiles(item: MountedItem): boolean {
  return item.facts.file.concepts.valueIs(item.node, 'static-files') !== null;
}

/** A hand-written function with no parameter after the response (`(req, res) => res.send(page)`, Koa `(ctx) => {}`): it answers. */
function isTerminalHandler(item: MountedItem): boolean {
  const declaration = item.facts.declarationOf(item.node);
  if (declaration?.kind !== 'function') return false;
  const fn: TSESTree.FunctionLike = declaration.node;
  return fn.params.length <= item.shape.handler.responseParameter + 1;
}

/**
 * Exported only under a name, and neither listened on nor handed to a server here: a component another module
 * mounts (`export { app as handlers }` then `root.use('/account', account.handlers)`), so that module's
 * middleware (headers, limiters mounted before it) applies. The app module's own export (`export default app`,
 * `module.exports = app`) is how an app is served by another file (`bin/www`, a serverless runtime) and is judged here.
 */
export function isMountedComponent(app: HttpContainer): boolean {
  const events = app.events();
  if (events.some((event) => event.kind === 'listen' || event.kind === 'serve')) return false;
  const exports = events.filter((event) => event.kind === 'export');
  return exports.length > 0 && exports.every((event) => isNamedExport(event.node));
}

function isNamedExport(node: TSESTree.Node): boolean {
  if (node.type === 'ExportDefaultDeclaration') return false;
  if (node.type === 'ExportSpecifier') return (node.exported.type === 'Identifier' ? node.exported.name : node.exported.value) !== 'default';
  if (node.type === 'AssignmentExpression') return !isModuleExportsTarget(node.left);
  // A property or element of an exported object literal, or `export const app = express()`.
  return true;
}

function isModuleExportsTarget(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports';
}
