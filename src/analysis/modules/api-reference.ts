/**
 * An ApiReference says which library value an expression holds, as a path from an import:
 * `new Pool().query` from `import { Pool } from 'pg'` is `{ module: 'pg', steps: ['Pool', '()', 'query'] }`.
 * A step is a member name or CALL (a call or `new`); `await` is transparent.
 */
export const CALL = '()';

export interface ApiReference {
  readonly module: string;
  readonly steps: readonly string[];
}

export function extendReference(reference: ApiReference | null, step: string): ApiReference | null {
  if (reference === null) return null;
  return { module: reference.module, steps: [...reference.steps, step] };
}

/** Two references to the same library value (same module, same steps). */
export function sameReference(a: ApiReference, b: ApiReference): boolean {
  return a.module === b.module && a.steps.length === b.steps.length && a.steps.every((step, index) => step === b.steps[index]);
}

/** `pg Pool().query`, for messages. */
export function describeReference(reference: ApiReference): string {
  let text = reference.module;
  for (const step of reference.steps) text += step === CALL ? CALL : `.${step}`;
  return text;
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * Prefixes of the scanned projects' path aliases (`@server/` from tsconfig `paths`), registered by the module
 * linker when it reads them. Process-wide because a specifier is classified where no linker is at hand; the
 * linker still decides, per project root, what an alias resolves to.
 */
const projectAliasPrefixes = new Set<string>();

export function registerProjectAliasPrefixes(prefixes: Iterable<string>): void {
  for (const prefix of prefixes) if (prefix !== '') projectAliasPrefixes.add(prefix);
}

/** A specifier that names project code: relative, or through one of the project's path aliases. */
export function isProjectSpecifier(specifier: string): boolean {
  if (isRelativeSpecifier(specifier)) return true;
  for (const prefix of projectAliasPrefixes) if (specifier.startsWith(prefix)) return true;
  return false;
}
