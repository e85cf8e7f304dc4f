/**
 * Evaluates formulas on one file. `evaluate(formula, node)` lists the matches anchored at `node`, memoized per
 * (formula, node), so the ancestors a `pattern-inside` climbs to are matched once per file however many
 * candidates ask. Nothing here walks the file: the engine's single walk hands each anchor node to the rule, and
 * the evaluator looks up (parents, for `-inside`) or down a bounded subtree (`metavariable-pattern`) from there.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../engine/file-context.js';
import { isExpressionPosition, statementsOf } from './anchors.js';
import { bind, mergeBindings, NO_BINDINGS, type Bindings } from './bindings.js';
import { applyCondition, applyFocus, candidateText } from './evaluate-conditions.js';
import type { AllParts, CompiledPattern, Formula } from './formula.js';
import { matchNode, sequenceMatches, childNodes } from './match.js';
import { MatchBudget, MAX_ANCESTORS, MAX_REGEX_MATCHES, MAX_SOLUTIONS } from './match-limits.js';
import { namedGroups } from './regex.js';

export interface Match {
  readonly range: readonly [number, number];
  /** The node to report: the matched node, or for a statement sequence or a regex match a copy of the first node widened to the range. */
  readonly node: TSESTree.Node;
  readonly bindings: Bindings;
  /** A statement sequence (anchored at its block) rather than a node. */
  readonly sequence: boolean;
  /** Narrowed by `focus-metavariable` to the code a metavariable stands for. */
  readonly focused?: boolean;
}

/** A copy of `node` spanning `range`: reporters read only `range`, and the copy keeps `parent` for climbing. */
export function widened(node: TSESTree.Node, range: readonly [number, number]): TSESTree.Node {
  return node.range[0] === range[0] && node.range[1] === range[1] ? node : { ...node, range: [range[0], range[1]] };
}

export function contains(outer: readonly [number, number], inner: readonly [number, number]): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

function sameRange(first: readonly [number, number], second: readonly [number, number]): boolean {
  return first[0] === second[0] && first[1] === second[1];
}

export class FileMatcher {
  readonly file: FileContext;
  private readonly memo = new WeakMap<TSESTree.Node, Map<number, readonly Match[]>>();

  constructor(file: FileContext) {
    this.file = file;
  }

  evaluate(formula: Formula, node: TSESTree.Node): readonly Match[] {
    if (!formula.anchorTypes.has(node.type)) return [];
    let byFormula = this.memo.get(node);
    if (byFormula === undefined) {
      byFormula = new Map();
      this.memo.set(node, byFormula);
    }
    const cached = byFormula.get(formula.id);
    if (cached !== undefined) return cached;
    byFormula.set(formula.id, []);
    const matches = this.compute(formula, node);
    byFormula.set(formula.id, matches);
    return matches;
  }

  private compute(formula: Formula, node: TSESTree.Node): readonly Match[] {
    switch (formula.kind) {
      case 'pattern':
        return this.patternMatches(formula.pattern, node);
      case 'regex':
        return this.regexMatches(formula.regex, node);
      case 'either':
        return formula.alternatives.flatMap((alternative) => this.evaluate(alternative, node)).slice(0, MAX_SOLUTIONS);
      case 'all':
        return formula.primary === null ? [] : this.refine(formula, this.evaluate(formula.primary, node));
    }
  }

  private patternMatches(pattern: CompiledPattern, node: TSESTree.Node): readonly Match[] {
    if (pattern.anchors.expressionsOnly && !isExpressionPosition(node)) return [];
    const env = { file: this.file, budget: new MatchBudget() };
    if (pattern.shape.kind === 'node') {
      return matchNode(pattern.shape.root, node, NO_BINDINGS, env).map((bindings) => ({ range: node.range, node, bindings, sequence: false }));
    }
    const statements = statementsOf(node) ?? [];
    const items = pattern.shape.statements;
    const matches: Match[] = [];
    for (let start = 0; start < statements.length && matches.length < MAX_SOLUTIONS; start += 1) {
      // Each start has its own budget: a long block must not exhaust it before its last statements are tried.
      const startEnv = { file: this.file, budget: new MatchBudget() };
      for (const end of sequenceMatches(items, statements, start, NO_BINDINGS, startEnv, { statements: true, openEnd: true })) {
        const first = statements[start];
        const last = statements[end.end - 1];
        if (first === undefined || last === undefined || end.end <= start) continue;
        const range: [number, number] = [first.range[0], last.range[1]];
        matches.push({ range, node: widened(first, range), bindings: end.bindings, sequence: end.end - start > 1 });
      }
    }
    return matches;
  }

  /** A regex over the whole file (a rule's only positive): each match is reported at the smallest node holding it. */
  private regexMatches(regex: RegExp, node: TSESTree.Node): readonly Match[] {
    const text = this.file.source.text;
    const matches: Match[] = [];
    const search = new RegExp(regex.source, regex.flags);
    for (let found = search.exec(text); found !== null && matches.length < MAX_REGEX_MATCHES; found = search.exec(text)) {
      if (found[0] === '') {
        search.lastIndex += 1;
        continue;
      }
      const range: [number, number] = [found.index, found.index + found[0].length];
      let bindings: Bindings = NO_BINDINGS;
      for (const [name, value] of namedGroups(found)) bindings = bind(bindings, name, { kind: 'text', text: value, node: null }) ?? bindings;
      matches.push({ range, node: widened(smallestNodeHolding(node, range), range), bindings, sequence: false });
    }
    return matches;
  }

  /** The candidates of an `all` that survive its insides, negatives, conditions and focus. */
  refine(parts: AllParts, initial: readonly Match[]): readonly Match[] {
    let candidates = initial;
    for (const formula of parts.intersect) candidates = candidates.flatMap((candidate) => this.intersect(formula, candidate));
    for (const formula of parts.insides) candidates = candidates.flatMap((candidate) => this.inside(formula, candidate));
    candidates = candidates.filter((candidate) => !parts.nots.some((formula) => this.sameRangeMatches(formula, candidate).length > 0));
    candidates = candidates.filter((candidate) => !parts.notInsides.some((formula) => this.inside(formula, candidate).length > 0));
    candidates = candidates.filter((candidate) => !parts.notRegexes.some((regex) => new RegExp(regex.source, regex.flags).test(candidateText(this.file, candidate))));
    for (const condition of parts.conditions) candidates = candidates.flatMap((candidate) => applyCondition(this, condition, candidate));
    if (parts.focus.length > 0) candidates = candidates.flatMap((candidate) => applyFocus(parts.focus, candidate));
    return candidates.slice(0, MAX_SOLUTIONS);
  }

  /** Another positive of the same `patterns`: it must match the same range, with agreeing bindings. */
  private intersect(formula: Formula, candidate: Match): Match[] {
    if (formula.kind === 'regex') {
      const found = new RegExp(formula.regex.source, formula.regex.flags.replace('g', '')).exec(candidateText(this.file, candidate));
      if (found === null) return [];
      let bindings: Bindings | null = candidate.bindings;
      for (const [name, value] of namedGroups(found)) bindings = bindings === null ? null : bind(bindings, name, { kind: 'text', text: value, node: null });
      return bindings === null ? [] : [{ ...candidate, bindings }];
    }
    return this.sameRangeMatches(formula, candidate);
  }

  /** Matches of `formula` over exactly the candidate's range whose bindings agree with it, merged into it. */
  private sameRangeMatches(formula: Formula, candidate: Match): Match[] {
    const results: Match[] = [];
    for (const anchor of sameRangeAnchors(candidate)) {
      for (const match of this.evaluate(formula, anchor)) {
        if (!sameRange(match.range, candidate.range)) continue;
        const merged = mergeBindings(candidate.bindings, match.bindings);
        if (merged !== null) results.push({ ...candidate, bindings: merged });
      }
    }
    return results;
  }

  /** Matches of `formula` at the candidate or an ancestor, containing the candidate, with agreeing bindings merged in. */
  inside(formula: Formula, candidate: Match): Match[] {
    const results: Match[] = [];
    let current: TSESTree.Node | undefined = candidate.sequence ? candidate.node.parent : candidate.node;
    for (let depth = 0; current !== undefined && depth < MAX_ANCESTORS && results.length < MAX_SOLUTIONS; depth += 1) {
      for (const match of this.evaluate(formula, current)) {
        if (!contains(match.range, candidate.range)) continue;
        const merged = mergeBindings(candidate.bindings, match.bindings);
        if (merged !== null) results.push({ ...candidate, bindings: merged });
      }
      current = current.parent;
    }
    return results;
  }

  /** Matches of `formula` anywhere in the subtree of `root` (bounded), for `metavariable-pattern`. */
  matchesBelow(formula: Formula, root: TSESTree.Node, limit: number): Match[] {
    const found: Match[] = [];
    const queue: TSESTree.Node[] = [root];
    for (let next = 0; next < queue.length && next < limit && found.length < MAX_SOLUTIONS; next += 1) {
      const node = queue[next] as TSESTree.Node;
      found.push(...this.evaluate(formula, node));
      queue.push(...childNodes(node));
    }
    return found;
  }
}

/** The nodes a same-range match may be anchored at: the candidate's node, its same-range wrappers and contents, or its block. */
function sameRangeAnchors(candidate: Match): TSESTree.Node[] {
  if (candidate.sequence) return candidate.node.parent === undefined ? [] : [candidate.node.parent];
  const anchors: TSESTree.Node[] = [candidate.node];
  for (let parent = candidate.node.parent; parent !== undefined && sameRange(parent.range, candidate.range); parent = parent.parent) anchors.push(parent);
  for (let inner = childNodes(candidate.node); inner.length === 1 && inner[0] !== undefined && sameRange(inner[0].range, candidate.range); inner = childNodes(inner[0])) {
    anchors.push(inner[0]);
  }
  return anchors;
}

function smallestNodeHolding(root: TSESTree.Node, range: readonly [number, number]): TSESTree.Node {
  let current = root;
  for (let depth = 0; depth < MAX_ANCESTORS; depth += 1) {
    const child = childNodes(current).find((node) => contains(node.range, range));
    if (child === undefined) return current;
    current = child;
  }
  return current;
}

const matchers = new WeakMap<FileContext, FileMatcher>();

/** The one matcher per file, shared by every YAML rule (memoized formulas are per rule, nodes per file). */
export function fileMatcher(file: FileContext): FileMatcher {
  let matcher = matchers.get(file);
  if (matcher === undefined) {
    matcher = new FileMatcher(file);
    matchers.set(file, matcher);
  }
  return matcher;
}
