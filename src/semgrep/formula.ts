/**
 * A compiled pattern formula: Semgrep's operators as a tree, built once per rule at load time. Each formula
 * has an id (for per-file memoization) and the node types it can match at (for dispatch). `all` follows
 * Semgrep's evaluation order for `patterns`: positive patterns, then `pattern-inside`, then the negatives
 * (`pattern-not`, `pattern-not-inside`, `pattern-not-regex`), then metavariable conditions, then focus.
 */
import type { PatternAnchors } from './anchors.js';
import type { PatternShape } from './pattern-parse.js';

export interface CompiledPattern {
  /** The pattern as written, for messages. */
  readonly text: string;
  readonly shape: PatternShape;
  readonly anchors: PatternAnchors;
}

interface FormulaBase {
  readonly id: number;
  /** Node types a match of this formula is anchored at. */
  readonly anchorTypes: ReadonlySet<string>;
}

export type Condition =
  | { readonly kind: 'metavariable-regex'; readonly name: string; readonly regex: RegExp }
  | { readonly kind: 'metavariable-pattern'; readonly name: string; readonly formula: Formula }
  /** Semgrep's `metavariable-name` with `module(s)`: what the metavariable names comes from one of these modules. */
  | { readonly kind: 'metavariable-module'; readonly name: string; readonly modules: ReadonlySet<string> };

export type Formula =
  | (FormulaBase & { readonly kind: 'pattern'; readonly pattern: CompiledPattern })
  | (FormulaBase & { readonly kind: 'regex'; readonly regex: RegExp })
  | (FormulaBase & { readonly kind: 'either'; readonly alternatives: readonly Formula[] })
  | (FormulaBase & AllParts & { readonly kind: 'all' });

export interface AllParts {
  /** Where candidates come from; null only inside `metavariable-pattern`, whose candidate is the bound code itself. */
  readonly primary: Formula | null;
  /** Further positives: a candidate must match each over the same range. */
  readonly intersect: readonly Formula[];
  readonly insides: readonly Formula[];
  readonly nots: readonly Formula[];
  readonly notInsides: readonly Formula[];
  readonly notRegexes: readonly RegExp[];
  readonly conditions: readonly Condition[];
  /** Metavariables to focus on (their ranges intersected), or empty. */
  readonly focus: readonly string[];
}

export const PROGRAM_ANCHOR: ReadonlySet<string> = new Set(['Program']);

let nextFormulaId = 1;

export function formulaId(): number {
  const id = nextFormulaId;
  nextFormulaId += 1;
  return id;
}

export function patternFormula(pattern: CompiledPattern): Formula {
  return { kind: 'pattern', id: formulaId(), anchorTypes: pattern.anchors.types, pattern };
}

export function regexFormula(regex: RegExp): Formula {
  return { kind: 'regex', id: formulaId(), anchorTypes: PROGRAM_ANCHOR, regex };
}

export function eitherFormula(alternatives: readonly Formula[]): Formula {
  const anchorTypes = new Set<string>();
  for (const alternative of alternatives) for (const type of alternative.anchorTypes) anchorTypes.add(type);
  return { kind: 'either', id: formulaId(), anchorTypes, alternatives };
}

export function allFormula(parts: AllParts): Formula {
  return { kind: 'all', id: formulaId(), anchorTypes: parts.primary?.anchorTypes ?? new Set(), ...parts };
}

/** True when the formula is a bare `$X` (any expression): a taint rule with such a source accepts every request source. */
export function isAnyExpression(formula: Formula): boolean {
  if (formula.kind === 'pattern') return formula.pattern.shape.kind === 'node' && formula.pattern.anchors.expressionsOnly && formula.pattern.shape.root.type === 'Identifier';
  if (formula.kind === 'either') return formula.alternatives.some(isAnyExpression);
  return false;
}
