/**
 * Reads of request input: a member chain (`req.query.id`, `c.req.query('id')`, `ctx.request.body.name`) whose
 * root is a request object, followed through aliases (`const { query } = req`, `const q = ctx.query`).
 * The chain is cut at the shortest prefix its shape lists as input; what is read or called beyond it is
 * evaluated as any other value would be, so `Number(req.query.n)` and `req.query.ids.split(',').map(Number)`
 * keep their meaning.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RequestShapeId } from '../../models/concepts.js';
import { unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import type { TaintEvaluator } from './evaluator.js';
import { ALL_KINDS, CLEAN, TEXT_BITS } from './origins.js';
import { routeValidatedBits } from './route-validation.js';
import { processInputAt, renderSteps, requestInputAt, type InputMatch } from './request-inputs.js';
import { REQUEST_SHAPES } from '../../models/sources/shapes.js';
import { parameterName } from './request-sources.js';
import { hop } from './origins.js';
import { MAX_MEMBER_PATH, type FunctionNode, type Origin, type SourceRecognition } from './taint-types.js';
import { patternPath } from './patterns.js';
import { isReassigned } from '../scope/scope-facts.js';

/** What an identifier holds when it is (part of) a request object: the object's shape and the steps read so far. */
export interface RequestRoot {
  readonly shape: RequestShapeId | 'process';
  readonly recognition: SourceRecognition;
  readonly name: string;
  readonly steps: readonly string[];
  /** Leading steps `name` already stands for: a destructured parameter (`({ message }) => message.value`) is named by its own binding. */
  readonly named?: number;
  /** The handler whose parameter holds the request, for validation its registration runs first. */
  readonly handler?: FunctionNode;
}

/** Source origins for a read of request input at `node.path`; CLEAN for a non-input member; null when the root is no request. */
export function requestChainValue(ev: TaintEvaluator, node: TSESTree.Node, path: readonly string[], depth: number): readonly Origin[] | null {
  const chain = peel(ev, node);
  if (chain === null) return null;
  const root = rootOf(ev, chain.root, depth);
  // A bare request object (`req`, read at no path) is no input: only its members are, unless its shape is whole.
  if (root === null || (chain.steps.length + path.length === 0 && !isWholeShape(root.shape))) return null;
  const steps = [...root.steps, ...chain.steps, ...path].slice(0, MAX_MEMBER_PATH + root.steps.length);
  const inputLength = shortestInput(root.shape, steps);
  if (inputLength === null) return CLEAN;
  // The current node reads beyond the input (`req.query.ids.split(',')`): let the caller evaluate the outer part.
  if (inputLength.length < root.steps.length + chain.steps.length) return null;
  const read = readSteps(steps, inputLength.length);
  const validated = root.handler !== undefined && root.shape !== 'process' ? routeValidatedBits(ev, root.handler, root.shape, read) : 0;
  if (validated === ALL_KINDS) return CLEAN;
  const label = renderSteps(root.name, read.slice(root.named ?? 0));
  // The read itself is the source's location (`req.query` in `const q = req.query; q.id`); the label names the member.
  const at = node;
  return [{ type: 'source', source: { label, kind: inputLength.match.kind, node: at, file: ev.file, recognition: root.recognition }, hops: hop(null, at, `request input ${label} (${inputLength.match.kind})`, ev.file), cleaned: (inputLength.match.text ? TEXT_BITS : 0) | validated }];
}

/** The input prefix plus the plain member reads after it (`req.query.id`), stopping before a method call. */
function readSteps(steps: readonly string[], inputLength: number): readonly string[] {
  let end = inputLength;
  while (end < steps.length && steps[end] !== '()' && steps[end + 1] !== '()') end += 1;
  return steps.slice(0, end);
}

function isWholeShape(shape: RequestShapeId | 'process'): boolean {
  return shape !== 'process' && REQUEST_SHAPES[shape].whole === true;
}

function shortestInput(shape: RequestShapeId | 'process', steps: readonly string[]): { length: number; match: InputMatch } | null {
  for (let length = isWholeShape(shape) ? 0 : 1; length <= steps.length; length += 1) {
    const prefix = steps.slice(0, length);
    const match = shape === 'process' ? processInputAt(prefix) : requestInputAt(shape, prefix);
    if (match !== null && match.callbackEvent === undefined) return { length, match };
  }
  return null;
}

/** Splits `a.b.c()` into its root expression and steps (`b`, `c`, `()`); null when `node` is no member chain. */
function peel(ev: TaintEvaluator, node: TSESTree.Node): { root: TSESTree.Node; steps: string[] } | null {
  const steps: string[] = [];
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === 'MemberExpression') {
      steps.unshift(ev.memberName(current));
      current = unwrapExpression(current.object);
    } else if (current.type === 'CallExpression' && unwrapExpression(current.callee).type === 'MemberExpression') {
      const callee = unwrapExpression(current.callee) as TSESTree.MemberExpression;
      steps.unshift(ev.memberName(callee), '()');
      current = unwrapExpression(callee.object);
    } else if (current.type === 'AwaitExpression') {
      current = unwrapExpression(current.argument);
    } else {
      break;
    }
  }
  return current.type !== 'Identifier' ? null : { root: current, steps };
}

/** True when `node` is a request object or a part of one (`req`, `ctx.request`): its members may be input. */
export function isRequestObject(ev: TaintEvaluator, node: TSESTree.Node): boolean {
  const chain = peel(ev, node);
  return chain !== null && rootOf(ev, chain.root, 0) !== null;
}

/** The request object an identifier is, or a part of; null for anything else. */
export function rootOf(ev: TaintEvaluator, identifier: TSESTree.Node, depth: number): RequestRoot | null {
  if (identifier.type !== 'Identifier') return null;
  if (identifier.name === 'process' && ev.file.scope.isGlobalReference(identifier)) return { shape: 'process', recognition: 'global', name: 'process', steps: [] };
  const variable = ev.file.scope.variableOf(identifier);
  return variable === null ? null : ev.taint.requestRootOfVariable(variable, () => variableRoot(ev, variable, depth));
}

function variableRoot(ev: TaintEvaluator, variable: VariableLike, depth: number): RequestRoot | null {
  if (variable.defs.length !== 1 || depth > 24) return null;
  const definition = variable.defs[0];
  if (definition === undefined) return null;
  if (definition.type === 'Parameter') {
    const fn = definition.node as FunctionNode;
    const index = fn.params.findIndex((parameter) => parameter.range[0] <= definition.name.range[0] && definition.name.range[1] <= parameter.range[1]);
    const parameter = fn.params[index];
    if (parameter === undefined) return null;
    const role = ev.taint.parameterRole(fn, index);
    if (role?.role !== 'request') return null;
    const steps = patternPath(parameter, definition.name);
    if (steps === null) return null;
    const name = steps.length === 0 ? parameterName(parameter) : variable.name;
    return { shape: role.shape, recognition: role.recognition, name, steps, ...(steps.length > 0 ? { named: steps.length } : {}), handler: fn };
  }
  if (definition.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
  const declarator = definition.node;
  if (declarator.init === null || isReassigned(variable)) return null;
  const steps = patternPath(declarator.id, definition.name);
  if (steps === null) return null;
  const init = peel(ev, declarator.init);
  const base = init === null ? rootOf(ev, unwrapExpression(declarator.init), depth + 1) : rootOf(ev, init.root, depth + 1);
  if (base === null) return null;
  const all = [...base.steps, ...(init?.steps ?? []), ...steps];
  // An alias of request input itself (`const q = req.query`) is evaluated as a variable, not as a root.
  if (base.shape !== 'process' && shortestInputPrefix(base.shape, all) < all.length) return null;
  return { shape: base.shape, recognition: base.recognition, name: base.name, steps: all, ...(base.named !== undefined ? { named: base.named } : {}), ...(base.handler !== undefined ? { handler: base.handler } : {}) };
}

function shortestInputPrefix(shape: RequestShapeId, steps: readonly string[]): number {
  return shortestInput(shape, steps)?.length ?? Number.POSITIVE_INFINITY;
}
