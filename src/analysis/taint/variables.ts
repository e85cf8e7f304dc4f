/**
 * What a variable read may hold: its declaration and the assignments that can reach this read. Reaching is
 * approximated cheaply: a plain assignment in a block enclosing the read kills the writes before it
 * (`id = Number(id)` cleans later reads), writes after the read count only inside a loop around both, and
 * writes from other functions (closures) always count. Parameters become ParameterOrigins, or sources when
 * a framework model says what they receive.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode } from '../node-shapes.js';
import type { ReferenceLike, VariableLike } from '../scope/scope-types.js';
import type { TaintEvaluator } from './evaluator.js';
import { enclosingFunction, functionName } from './function-facts.js';
import { dtoFieldBits } from './dto-validation.js';
import { ALL_KINDS, CLEAN, hop, sanitize, TEXT_BITS, through, union } from './origins.js';
import { declaredArgumentScalar } from './graphql-resolvers.js';
import { patternPath } from './patterns.js';
import { requestChainValue, rootOf } from './request-chains.js';
import { parameterName } from './request-sources.js';
import { callbackParameterValue } from './callbacks.js';
import type { FunctionNode, Origin } from './taint-types.js';
import { laterWrites } from '../scope/scope-facts.js';

/** Writes examined per variable read; a variable written more often is rare and treated by its first writes. */
const MAX_WRITES = 32;

export function identifierValue(ev: TaintEvaluator, node: TSESTree.Identifier, path: readonly string[], depth: number): readonly Origin[] {
  const variable = ev.file.scope.variableOf(node);
  if (variable === null) {
    const implicit = implicitGlobalWrites(ev, node);
    if (implicit.length > 0) return union(...implicit.map((reference) => writeValue(ev, reference, path, depth)));
    // The global `process` (argv, env): low-trust input, kept only for queries that ask for it.
    return path.length > 0 && rootOf(ev, node, depth) !== null ? (requestChainValue(ev, node, path, depth) ?? CLEAN) : CLEAN;
  }
  if (variable.defs.length !== 1) return CLEAN;
  const definition = variable.defs[0];
  if (definition === undefined) return CLEAN;
  let initial: readonly Origin[] = CLEAN;
  if (definition.type === 'Parameter') initial = parameterValue(ev, definition.node as FunctionNode, definition.name, path, depth);
  else if (definition.type === 'Variable') initial = declaredValue(ev, definition.node, definition.name, path, depth);
  else return CLEAN;
  const writes = reachingWrites(variable, node);
  if (writes.killed) initial = CLEAN;
  const assigned = writes.references.map((reference) => writeValue(ev, reference, path, depth));
  return union(initial, ...assigned);
}

function declaredValue(ev: TaintEvaluator, declarator: TSESTree.Node, name: TSESTree.Node, path: readonly string[], depth: number): readonly Origin[] {
  if (declarator.type !== 'VariableDeclarator') return CLEAN;
  const steps = patternPath(declarator.id, name);
  if (steps === null) return CLEAN;
  let source: TSESTree.Node | null = declarator.init;
  // `for (const id of ids)`: each element of the iterated value.
  const statement = declarator.parent?.parent;
  if (source === null && (statement?.type === 'ForOfStatement' || statement?.type === 'ForInStatement') && statement.left === declarator.parent) source = statement.right;
  if (source === null) return CLEAN;
  const value = ev.valueAt(source, [...steps, ...path], depth);
  return through(value, name, `assigned to ${variableLabel(name)}`, ev.file);
}

function variableLabel(name: TSESTree.Node): string {
  return name.type === 'Identifier' ? name.name : 'a variable';
}

function parameterValue(ev: TaintEvaluator, fn: FunctionNode, name: TSESTree.Node, path: readonly string[], depth: number): readonly Origin[] {
  const index = fn.params.findIndex((parameter) => parameter.range[0] <= name.range[0] && name.range[1] <= parameter.range[1]);
  const parameter = fn.params[index];
  if (parameter === undefined || parameter.type === 'RestElement' || isDeclaredPrimitive(name)) return CLEAN;
  const role = ev.taint.parameterRole(fn, index);
  const steps = patternPath(parameter, name);
  if (steps === null) return CLEAN;
  if (role?.role === 'input') {
    const at = steps.length > 0 ? name : parameter;
    const source: Origin = { type: 'source', source: { label: role.label, kind: role.kind, node: at, file: ev.file, recognition: 'registration' }, hops: hop(null, at, `request input ${role.label} (${role.kind})`, ev.file), cleaned: 0 };
    const fieldPath = [...steps, ...path];
    return sanitize([source], dtoFieldBits(ev, parameter, fieldPath) | graphqlArgumentBits(ev, role.graphqlField, fieldPath));
  }
  if (role !== null) return role.role === 'request' ? (requestChainValue(ev, name, path, depth) ?? CLEAN) : CLEAN;
  const callback = callbackParameterValue(ev, fn, index, [...steps, ...path], depth);
  if (callback !== null) return through(callback, name, `callback parameter ${parameterName(parameter)}`, ev.file);
  const message = `parameter ${variableLabel(name)} of ${functionName(fn)}()`;
  return [{ type: 'parameter', fn, index, path: [...steps, ...path], hops: hop(null, name, message, ev.file), cleaned: 0 }];
}

/** `args.name` of a resolver whose schema declares `name: String`: text, so clean for the kinds only objects trip. */
function graphqlArgumentBits(ev: TaintEvaluator, field: string | undefined, path: readonly string[]): number {
  const argument = path[0];
  if (field === undefined || argument === undefined) return 0;
  const scalar = declaredArgumentScalar(ev.file, field, argument);
  return scalar === 'text' ? TEXT_BITS : scalar === 'number' ? ALL_KINDS : 0;
}

/** `limit: number` (or boolean, bigint): the declared type says no text can arrive here; kept from the string-assembly rule. */
function isDeclaredPrimitive(name: TSESTree.Node): boolean {
  if (name.type !== 'Identifier' || name.typeAnnotation === undefined) return false;
  const type = name.typeAnnotation.typeAnnotation.type;
  return type === 'TSNumberKeyword' || type === 'TSBigIntKeyword' || type === 'TSBooleanKeyword';
}

function writeValue(ev: TaintEvaluator, reference: ReferenceLike, path: readonly string[], depth: number): readonly Origin[] {
  const target = reference.identifier;
  const parent = target.parent;
  if (parent?.type === 'AssignmentExpression' && parent.left === target) {
    const value = parent.operator === '=' ? ev.valueAt(parent.right, path, depth) : parent.operator === '+=' || parent.operator === '??=' || parent.operator === '||=' ? ev.valueOf(parent.right, depth) : CLEAN;
    return through(value, target, `assigned to ${variableLabel(target)}`, ev.file);
  }
  if (parent?.type === 'UpdateExpression') return CLEAN;
  const written = reference.writeExpr;
  return written === null || written === undefined ? CLEAN : ev.valueOf(written, depth);
}

/**
 * An undeclared name assigned in sloppy code (`output = { ... }` without `var`) is a global shared by every
 * request; in the function that assigns and then reads it (`output = {...}; res.render('x', { output })`), the
 * read sees the writes before it there.
 */
function implicitGlobalWrites(ev: TaintEvaluator, node: TSESTree.Identifier): ReferenceLike[] {
  const writes = ev.taint.undeclaredWrites(node.name);
  if (writes.length === 0) return [];
  const useFunction = enclosingFunction(node);
  if (useFunction === null) return [];
  return writes.filter((write) => write.identifier.range[0] < node.range[0] && enclosingFunction(write.identifier) === useFunction).slice(0, MAX_WRITES);
}

interface ReachingWrites {
  /** True when a write in an enclosing block definitely replaced the declared value before the read. */
  readonly killed: boolean;
  readonly references: readonly ReferenceLike[];
}

function reachingWrites(variable: VariableLike, use: TSESTree.Node): ReachingWrites {
  const writes = laterWrites(variable).slice(0, MAX_WRITES);
  if (writes.length === 0) return { killed: false, references: writes };
  const useFunction = enclosingFunction(use);
  const before: ReferenceLike[] = [];
  const other: ReferenceLike[] = [];
  let killerIndex = -1;
  for (const write of writes) {
    const statement = statementOf(write.identifier);
    const sameFunction = enclosingFunction(write.identifier) === useFunction;
    if (!sameFunction) other.push(write);
    else if (statement !== null && contains(statement, use)) continue; // `x = f(x)`: the read happens first
    else if (write.identifier.range[0] < use.range[0]) {
      before.push(write);
      if (isPlainAssignment(write) && statement !== null && statement.parent !== undefined && contains(statement.parent, use) && statement === write.identifier.parent?.parent && !isLoopOrBranchBody(statement.parent)) {
        killerIndex = before.length - 1;
      }
    } else if (inSharedLoop(write.identifier, use)) other.push(write);
  }
  return { killed: killerIndex >= 0, references: [...before.slice(Math.max(0, killerIndex)), ...other] };
}

/** `x = value;` as a statement of its own: unconditional wherever its block runs. */
function isPlainAssignment(write: ReferenceLike): boolean {
  const parent = write.identifier.parent;
  return parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === write.identifier && parent.parent?.type === 'ExpressionStatement';
}

/** The statement containing a node, directly in a block or program. */
function statementOf(node: TSESTree.Node): TSESTree.Node | null {
  let current: TSESTree.Node = node;
  while (current.parent !== undefined && current.parent !== null) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'SwitchCase' || parent.type === 'StaticBlock') return current;
    if (isFunctionNode(parent)) return null;
    current = parent;
  }
  return null;
}

function isLoopOrBranchBody(block: TSESTree.Node): boolean {
  return block.type === 'SwitchCase';
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function inSharedLoop(write: TSESTree.Node, use: TSESTree.Node): boolean {
  for (let current = use.parent; current !== undefined && !isFunctionNode(current); current = current.parent) {
    const isLoop = current.type === 'ForStatement' || current.type === 'ForOfStatement' || current.type === 'ForInStatement' || current.type === 'WhileStatement' || current.type === 'DoWhileStatement';
    if (isLoop && contains(current, write)) return true;
  }
  return false;
}


