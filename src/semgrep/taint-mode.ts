/**
 * `mode: taint` on rampart's taint engine (src/analysis/taint/, docs/taint.md). Sinks are the rule's own
 * patterns; the engine answers whether request data reaches them. Sources are the engine's request sources
 * (route handler parameters, decorated parameters, framework conventions), kept only when the source matches
 * one of the rule's `pattern-sources`: a source pattern narrows the built-in sources, it cannot add new ones
 * (`getUserInput()` is not a source to the engine; docs/guides/custom-rules.md says so). Sanitizers are the
 * engine's own for the rule's sanitizer kind, plus the rule's `pattern-sanitizers`: a flow any of whose steps
 * lies inside a sanitizer match is dropped.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { TaintFlow } from '../analysis/taint/taint-types.js';
import type { FileContext } from '../engine/file-context.js';
import type { SanitizerKind } from '../models/concepts.js';
import type { FlowStep, RuleContext } from '../rules-api/rule-types.js';
import { childNodes } from './match.js';
import { contains, fileMatcher, type Match } from './evaluate.js';
import type { Formula } from './formula.js';
import { MAX_ANCESTORS } from './match-limits.js';

export interface TaintSpec {
  readonly sources: Formula;
  readonly sinks: Formula;
  readonly sanitizers: Formula | null;
  /** A source pattern `$X`: every request source counts. */
  readonly anySource: boolean;
  /** A source pattern names `process.env` or `process.argv`, which the engine counts only on request. */
  readonly includeLowTrust: boolean;
  readonly sanitizedFor: SanitizerKind;
}

export interface TaintMatch {
  readonly sink: Match;
  readonly target: TSESTree.Node;
  readonly flow: readonly FlowStep[];
  readonly source: string;
}

/** How far below a source node a source pattern may match (`req.query` for the source `req.query.id`). */
const MAX_SOURCE_DESCENT = 6;

/** The sink matches at `node` that request data reaches, each with the argument it reaches and the path. */
export function taintMatchesAt(context: RuleContext, spec: TaintSpec, node: TSESTree.Node): TaintMatch[] {
  const matcher = fileMatcher(context.file);
  const found: TaintMatch[] = [];
  for (const sink of matcher.evaluate(spec.sinks, node)) {
    for (const target of sinkTargets(sink)) {
      const flow = context.taint.flowTo(target, { sanitizedFor: spec.sanitizedFor, ...(spec.includeLowTrust ? { includeLowTrust: true } : {}) });
      if (flow === null || !sourceAccepted(spec, flow) || isSanitized(spec, flow)) continue;
      found.push({ sink, target, flow: flow.steps.map((step) => ({ node: step.node, message: step.message, file: step.file })), source: flow.source.label });
    }
  }
  return found;
}

/**
 * What must not carry request data: for a call matched as a whole (`exec(...)`), each argument, as Semgrep's
 * exact sinks; for a focused metavariable or any other expression, the matched code itself.
 */
function sinkTargets(sink: Match): readonly TSESTree.Node[] {
  const node = sink.node;
  if ((node.type === 'CallExpression' || node.type === 'NewExpression') && sink.focused !== true) {
    return node.arguments.map((argument) => (argument.type === 'SpreadElement' ? argument.argument : argument));
  }
  return [node];
}

/**
 * The engine's source matches a source pattern at its node or at a step of the path: when a helper reads
 * `req.query.next` from a request passed in, the source node is the handler's `req` parameter and the
 * read is a later step.
 */
function sourceAccepted(spec: TaintSpec, flow: TaintFlow): boolean {
  if (spec.anySource) return true;
  if (matchesSource(spec.sources, flow.source.file, flow.source.node)) return true;
  return flow.steps.some((step) => matchesSource(spec.sources, step.file, step.node));
}

function matchesSource(sources: Formula, file: FileContext, node: TSESTree.Node): boolean {
  if (insideMatch(file, sources, node)) return true;
  // A source pattern for part of the source's expression (`$REQ.query` when the source read is `req.query.id`).
  const matcher = fileMatcher(file);
  let current: TSESTree.Node | null = node;
  for (let depth = 0; current !== null && depth < MAX_SOURCE_DESCENT; depth += 1) {
    if (matcher.evaluate(sources, current).length > 0) return true;
    current = objectOf(current);
  }
  return false;
}

function objectOf(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case 'MemberExpression':
      return node.object;
    case 'CallExpression':
      return node.callee;
    case 'ChainExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return node.expression;
    case 'AwaitExpression':
      return node.argument;
    default:
      return childNodes(node).length === 1 ? (childNodes(node)[0] ?? null) : null;
  }
}

function isSanitized(spec: TaintSpec, flow: TaintFlow): boolean {
  const sanitizers = spec.sanitizers;
  if (sanitizers === null) return false;
  return flow.steps.some((step) => insideMatch(step.file, sanitizers, step.node));
}

/** Does a match of `formula` at `node` or one of its ancestors contain `node`? */
function insideMatch(file: FileContext, formula: Formula, node: TSESTree.Node): boolean {
  const matcher = fileMatcher(file);
  let current: TSESTree.Node | undefined = node;
  for (let depth = 0; current !== undefined && depth < MAX_ANCESTORS; depth += 1) {
    if (matcher.evaluate(formula, current).some((match) => contains(match.range, node.range))) return true;
    current = current.parent;
  }
  return false;
}
