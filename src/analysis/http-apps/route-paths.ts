/**
 * Route paths as the frameworks join them: a router mounted at `/auth` with a route `/login` serves
 * `/auth/login`. A path that is not a constant is null; joining with an unknown prefix keeps what is known of
 * the route's own path (enough to tell a login route), and a mount at an unknown path covers every route
 * (the analysis cannot prove it does not).
 */

/** Joins a prefix and a path; an unknown prefix keeps the route's own path, an unknown path gives null. */
export function joinPaths(prefix: string | null, path: string | null): string | null {
  if (path === null) return null;
  const head = trimSlashes(prefix ?? '');
  const tail = trimSlashes(path);
  const joined = [head, tail].filter((part) => part !== '').join('/');
  return `/${joined}`;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** Path segments with wildcards and parameters (`:id`, `{id}`, `*`) reduced to `*`. */
function segments(path: string): string[] {
  return trimSlashes(path)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') || segment.startsWith('{') || segment.includes('*') ? '*' : segment.toLowerCase()));
}

/**
 * Does middleware mounted at `mountPath` run for `routePath` (both relative to the same instance)? Prefix
 * match on whole segments (Express `use('/api')`, Hono `use('/api/*')`); unknown paths are taken to match.
 */
export function mountCovers(mountPath: string | null, routePath: string | null): boolean {
  if (mountPath === null || routePath === null) return true;
  const mount = segments(mountPath);
  while (mount.length > 0 && mount[mount.length - 1] === '*') mount.pop();
  const route = segments(routePath);
  if (mount.length > route.length) return false;
  return mount.every((segment, index) => segment === '*' || route[index] === '*' || segment === route[index]);
}
