/**
 * The last steps of a `patterns` evaluation: conditions on metavariables (`metavariable-regex`,
 * `metavariable-pattern`, `metavariable-name` by module) and `focus-metavariable`, which narrows a match to
 * the code a metavariable stands for.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { bindingRange, bindingText, mergeBindings, type Binding } from './bindings.js';
import type { Condition, Formula } from './formula.js';
import { MAX_DEEP_NODES, MAX_SOLUTIONS } from './match-limits.js';
import { normalizeModule } from './pattern-markers.js';
import { contains, widened, type FileMatcher, type Match } from './evaluate.js';
import type { FileContext } from '../engine/file-context.js';

export function candidateText(file: FileContext, candidate: Match): string {
  return file.source.text.slice(candidate.range[0], candidate.range[1]);
}

export function applyCondition(matcher: FileMatcher, condition: Condition, candidate: Match): Match[] {
  const binding = candidate.bindings.get(condition.name);
  if (binding === undefined) return [];
  switch (condition.kind) {
    case 'metavariable-regex':
      return condition.regex.test(bindingText(binding, matcher.file.source.text)) ? [candidate] : [];
    case 'metavariable-module':
      return boundModuleIn(matcher, binding, condition.modules) ? [candidate] : [];
    case 'metavariable-pattern':
      return metavariablePattern(matcher, condition.formula, binding, candidate);
  }
}

function boundModuleIn(matcher: FileMatcher, binding: Binding, modules: ReadonlySet<string>): boolean {
  if (binding.kind !== 'node') return false;
  const reference = matcher.file.origins.referenceOf(binding.node);
  return reference !== null && modules.has(normalizeModule(reference.module));
}

/**
 * The formula must match within the code the metavariable stands for. A formula without a positive pattern
 * (only `pattern-not` and conditions) applies to that code as a whole, Semgrep's implicit `pattern: ...`.
 * Bindings made inside are kept, so later conditions (and the message) can use them.
 */
function metavariablePattern(matcher: FileMatcher, formula: Formula, binding: Binding, candidate: Match): Match[] {
  const roots = boundNodes(binding);
  const results: Match[] = [];
  for (const root of roots) {
    const inner =
      formula.kind === 'all' && formula.primary === null
        ? matcher.refine(formula, [{ range: root.range, node: root, bindings: candidate.bindings, sequence: false }])
        : matcher.matchesBelow(formula, root, MAX_DEEP_NODES).filter((match) => contains(root.range, match.range));
    for (const match of inner) {
      const merged = mergeBindings(candidate.bindings, match.bindings);
      if (merged !== null) results.push({ ...candidate, bindings: merged });
      if (results.length >= MAX_SOLUTIONS) return results;
    }
  }
  return results;
}

function boundNodes(binding: Binding): readonly TSESTree.Node[] {
  switch (binding.kind) {
    case 'node':
      return [binding.node];
    case 'nodes':
      return binding.nodes;
    case 'text':
      return binding.node === null ? [] : [binding.node];
  }
}

/** The candidate narrowed to the intersection of the focused metavariables' code; dropped when they do not overlap. */
export function applyFocus(names: readonly string[], candidate: Match): Match[] {
  let range: readonly [number, number] | null = null;
  let node: TSESTree.Node | null = null;
  for (const name of names) {
    const binding = candidate.bindings.get(name);
    const bound = binding === undefined ? null : bindingRange(binding);
    if (binding === undefined || bound === null) return [];
    const boundNode = boundNodes(binding)[0] ?? null;
    if (range === null || contains(range, bound)) {
      range = bound;
      node = boundNode;
    } else if (!contains(bound, range)) return [];
  }
  if (range === null || node === null) return [];
  const focusedRange: readonly [number, number] = range;
  return [{ range: focusedRange, node: widened(node, focusedRange), bindings: candidate.bindings, sequence: false, focused: true }];
}
