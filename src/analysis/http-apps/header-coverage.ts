/**
 * Which security headers an app sets: modeled middleware (helmet and its ports, with their options), hand-written
 * middleware that sets the headers, and whether X-Powered-By is switched off. Routers and plugin scopes mounted
 * on the app are included (headers there still reach clients). Anything the analysis cannot follow, a mount of
 * project code it cannot see or an app handed to an unknown function, makes the answer incomplete.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SecurityHeadersRow } from '../../models/concepts.js';
import type { HttpContainer } from './http-container.js';
import type { ContainerEvent, ItemOptions } from './http-types.js';

export interface HeaderProvider {
  readonly row: SecurityHeadersRow;
  readonly options: ItemOptions | null;
  /** Where it is mounted, in the app's own file. */
  readonly site: TSESTree.Node;
}

export interface AppHeaderCoverage {
  readonly providers: readonly HeaderProvider[];
  /** Security headers set by hand-written middleware, lower case. */
  readonly handWritten: readonly string[];
  /** `app.disable('x-powered-by')` or equivalent. */
  readonly poweredByOff: boolean;
  readonly complete: boolean;
}

const MAX_NESTING = 8;

export function headerCoverage(app: HttpContainer): AppHeaderCoverage {
  const found = { providers: [] as HeaderProvider[], handWritten: new Set<string>(), poweredByOff: false, complete: true };
  const stack = new Set<HttpContainer>();
  const visit = (container: HttpContainer, junction: TSESTree.Node | null, depth: number, returnedBy: TSESTree.Node | null): void => {
    if (depth > MAX_NESTING || stack.has(container)) return;
    stack.add(container);
    for (const event of container.events()) {
      if (event.kind === 'opaque' && !isReturnToMount(event, returnedBy)) found.complete = false;
      if (event.kind === 'powered-by-off') found.poweredByOff = true;
      if (event.kind !== 'mount') continue;
      const site = junction ?? event.site;
      for (const item of event.items) {
        const kind = item.facts.itemKind(item);
        if (kind.kind === 'security-headers') found.providers.push({ row: kind.row, options: kind.options, site });
        else if (kind.kind === 'function') {
          for (const name of kind.effects.securityHeaders) found.handWritten.add(name);
          if (kind.effects.delegatesToUnknown) found.complete = false;
        } else if (kind.kind === 'unknown') found.complete = false;
        else if (kind.kind === 'container') visit(kind.container, site, depth + 1, kind.returnedBy ?? null);
      }
    }
    stack.delete(container);
  };
  visit(app, null, 0, null);
  return { providers: found.providers, handWritten: [...found.handWritten], poweredByOff: found.poweredByOff, complete: found.complete };
}

/** The router's `return` from the factory whose call is mounted: how it reaches the app, not an escape. */
export function isReturnToMount(event: ContainerEvent, returnedBy: TSESTree.Node | null): boolean {
  return event.kind === 'opaque' && event.reason === 'returned' && returnedBy !== null && event.node === returnedBy;
}
