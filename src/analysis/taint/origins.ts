/** Building and combining origin lists: bounded, de-duplicated, sources first. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { OBJECT_KINDS, SANITIZER_KINDS, type SanitizerKind } from '../../models/concepts.js';
import { MAX_HOPS, MAX_ORIGINS, type Hop, type Origin, type TaintStep } from './taint-types.js';

export const CLEAN: readonly Origin[] = [];

export function kindBit(kind: SanitizerKind): number {
  return 1 << SANITIZER_KINDS.indexOf(kind);
}

export function kindBits(kinds: readonly SanitizerKind[]): number {
  let bits = 0;
  for (const kind of kinds) bits |= kindBit(kind);
  return bits;
}

export const ALL_KINDS = kindBits(SANITIZER_KINDS);

/** What a value gains by being text: it is clean for the kinds only an object trips (OBJECT_KINDS). */
export const TEXT_BITS = kindBits(OBJECT_KINDS);

/** The origins of a value known to be a string (`String(x)`, a template, `x.trim()`). */
export function asText(origins: readonly Origin[]): readonly Origin[] {
  return sanitize(origins, TEXT_BITS);
}

export function hop(previous: Hop | null, node: TSESTree.Node, message: string, file: FileContext): Hop {
  const length = (previous?.length ?? 0) + 1;
  // Past the bound the middle of the path is dropped; the source end stays, and the sink is added by the reporter.
  if (length > MAX_HOPS && previous !== null) return previous;
  return { node, message, file, previous, length };
}

/** Appends `later` (a path inside a callee, oldest first when read backwards) after `base`. */
export function appendHops(base: Hop | null, later: Hop | null): Hop | null {
  if (later === null) return base;
  const cells: Hop[] = [];
  for (let cell: Hop | null = later; cell !== null; cell = cell.previous) cells.push(cell);
  let result = base;
  for (let index = cells.length - 1; index >= 0; index -= 1) {
    const cell = cells[index] as Hop;
    result = hop(result, cell.node, cell.message, cell.file);
  }
  return result;
}

export function hopsToSteps(hops: Hop | null): TaintStep[] {
  const steps: TaintStep[] = [];
  for (let cell = hops; cell !== null; cell = cell.previous) steps.push({ node: cell.node, message: cell.message, file: cell.file });
  return steps.reverse();
}

/** Adds a hop to each origin (a variable, a call argument): the value moved through `node`. */
export function through(origins: readonly Origin[], node: TSESTree.Node, message: string, file: FileContext): readonly Origin[] {
  if (origins.length === 0) return origins;
  return origins.map((origin) => ({ ...origin, hops: hop(origin.hops, node, message, file) }));
}

/** Marks each origin cleaned for `bits`; origins clean for every kind disappear. */
export function sanitize(origins: readonly Origin[], bits: number): readonly Origin[] {
  if (origins.length === 0 || bits === 0) return origins;
  const kept: Origin[] = [];
  for (const origin of origins) {
    const cleaned = origin.cleaned | bits;
    if (cleaned !== ALL_KINDS) kept.push({ ...origin, cleaned });
  }
  return kept;
}

function identity(origin: Origin): string {
  return origin.type === 'source'
    ? `s${origin.source.file.path}:${origin.source.node.range[0]}:${origin.cleaned}`
    : `p${origin.fn.range[0]}:${origin.index}:${origin.path.join('.')}:${origin.cleaned}`;
}

/** The union of several values, bounded to MAX_ORIGINS with request sources kept first. */
export function union(...values: ReadonlyArray<readonly Origin[]>): readonly Origin[] {
  let nonEmpty: readonly Origin[] | null = null;
  let count = 0;
  for (const value of values) {
    if (value.length > 0) {
      nonEmpty = value;
      count += 1;
    }
  }
  if (count === 0) return CLEAN;
  if (count === 1 && nonEmpty !== null && nonEmpty.length <= MAX_ORIGINS) return nonEmpty;
  const seen = new Set<string>();
  const sources: Origin[] = [];
  const parameters: Origin[] = [];
  for (const value of values) {
    for (const origin of value) {
      const key = identity(origin);
      if (seen.has(key)) continue;
      seen.add(key);
      (origin.type === 'source' ? sources : parameters).push(origin);
    }
  }
  return [...sources, ...parameters].slice(0, MAX_ORIGINS);
}
