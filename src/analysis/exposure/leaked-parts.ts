/**
 * The parts of a response body that describe the server rather than answer the client: a caught error's
 * stack, the error object itself (serialized with every enumerable field: driver codes, SQL text, command
 * lines), its message, the whole `process.env`, and the server's file paths (`__filename`, `__dirname`,
 * `process.cwd()`). Read through object and array literals, spreads, strings built by templates and `+`,
 * both branches of conditionals, `JSON.stringify`/`String`/`util.inspect`, and local variables (their
 * initializer and the properties later assigned to them), a few levels deep.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import { caughtErrorOf, type CaughtError } from './caught-errors.js';

export type LeakKind = 'environment' | 'stack' | 'error-object' | 'error-message' | 'file-path';

export interface LeakedPart {
  readonly kind: LeakKind;
  readonly node: TSESTree.Node;
  /** The caught error the part comes from (not for environment and file paths). */
  readonly error: CaughtError | null;
}

/** Variables are followed this many levels (a body built in `result`, whose `error` holds `details`). */
const MAX_VARIABLE_DEPTH = 3;
/** Bounds the nodes looked at for one response body. */
const MAX_NODES = 400;

/** Does a whole error become text here (its `name: message`) or a serialized object? */
type Rendering = 'object' | 'text';

interface Walk {
  readonly file: FileContext;
  readonly parts: LeakedPart[];
  readonly variables: Set<VariableLike>;
  nodes: number;
}

export function leakedParts(file: FileContext, body: TSESTree.Node, rendering: Rendering = 'object'): LeakedPart[] {
  const walk: Walk = { file, parts: [], variables: new Set(), nodes: 0 };
  visit(walk, body, rendering, 0);
  return walk.parts;
}

function visit(walk: Walk, node: TSESTree.Node, rendering: Rendering, depth: number): void {
  walk.nodes += 1;
  if (walk.nodes > MAX_NODES) return;
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Identifier':
      return visitIdentifier(walk, value, rendering, depth);
    case 'MemberExpression':
      return visitMember(walk, value);
    case 'ObjectExpression':
      for (const property of value.properties) {
        if (property.type === 'SpreadElement') visit(walk, property.argument, 'object', depth);
        else if (property.value.type !== 'AssignmentPattern') visit(walk, property.value, 'object', depth);
      }
      return;
    case 'ArrayExpression':
      for (const element of value.elements) if (element !== null) visit(walk, element.type === 'SpreadElement' ? element.argument : element, 'object', depth);
      return;
    case 'TemplateLiteral':
      for (const expression of value.expressions) visit(walk, expression, 'text', depth);
      return;
    case 'BinaryExpression':
      if (value.operator === '+') for (const side of [value.left, value.right]) visit(walk, side, 'text', depth);
      return;
    case 'LogicalExpression':
      visit(walk, value.left, rendering, depth);
      return visit(walk, value.right, rendering, depth);
    case 'ConditionalExpression':
      visit(walk, value.consequent, rendering, depth);
      return visit(walk, value.alternate, rendering, depth);
    case 'CallExpression':
      return visitCall(walk, value, depth);
    default:
      return;
  }
}

function visitIdentifier(walk: Walk, identifier: TSESTree.Identifier, rendering: Rendering, depth: number): void {
  const { file } = walk;
  if ((identifier.name === '__filename' || identifier.name === '__dirname') && file.scope.isGlobalReference(identifier)) {
    walk.parts.push({ kind: 'file-path', node: identifier, error: null });
    return;
  }
  const error = caughtErrorOf(file, identifier);
  if (error !== null) {
    walk.parts.push({ kind: rendering === 'object' ? 'error-object' : 'error-message', node: identifier, error });
    return;
  }
  const variable = file.scope.variableOf(identifier);
  if (variable === null || depth >= MAX_VARIABLE_DEPTH || walk.variables.has(variable)) return;
  walk.variables.add(variable);
  for (const assigned of assignedValues(variable)) visit(walk, assigned, rendering, depth + 1);
}

/** What a local variable holds: its initializer, values assigned to it, and values assigned to its properties (`result.error = err`). */
export function assignedValues(variable: VariableLike): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const definition of variable.defs) {
    if (definition.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name) return [];
    if (definition.node.init !== null) values.push(definition.node.init);
  }
  for (const reference of variable.references) {
    if (reference.isWrite() && reference.init !== true && reference.writeExpr !== null && reference.writeExpr !== undefined) values.push(reference.writeExpr);
    const member = reference.identifier.parent;
    const write = member?.parent;
    if (member?.type === 'MemberExpression' && member.object === reference.identifier && write?.type === 'AssignmentExpression' && write.left === member && write.operator === '=') values.push(write.right);
  }
  return values;
}

function visitMember(walk: Walk, member: TSESTree.MemberExpression): void {
  const { file } = walk;
  const name = staticPropertyName(member);
  const object = unwrapExpression(member.object);
  if (name === 'env' && object.type === 'Identifier' && object.name === 'process' && file.scope.isGlobalReference(object)) {
    walk.parts.push({ kind: 'environment', node: member, error: null });
    return;
  }
  if (name !== 'stack' && name !== 'message') return;
  const error = caughtErrorOf(file, object);
  if (error !== null) walk.parts.push({ kind: name === 'stack' ? 'stack' : 'error-message', node: member, error });
}

function visitCall(walk: Walk, call: TSESTree.CallExpression, depth: number): void {
  const { file } = walk;
  const callee = unwrapExpression(call.callee);
  const argument = call.arguments[0];
  if (callee.type === 'MemberExpression') {
    const object = unwrapExpression(callee.object);
    const method = staticPropertyName(callee);
    // `process.cwd()`: the directory the server runs from.
    if (method === 'cwd' && object.type === 'Identifier' && object.name === 'process' && file.scope.isGlobalReference(object)) {
      walk.parts.push({ kind: 'file-path', node: call, error: null });
      return;
    }
    if (method === 'toString' && call.arguments.length === 0) return visit(walk, callee.object, 'text', depth);
    if (method === 'stringify' && object.type === 'Identifier' && object.name === 'JSON' && file.scope.isGlobalReference(object) && argument !== undefined && argument.type !== 'SpreadElement') {
      return visit(walk, argument, 'object', depth);
    }
    // `util.inspect(err)` prints the stack.
    if (method === 'inspect' && argument !== undefined && argument.type !== 'SpreadElement' && isUtilModule(file, callee)) return visitInspected(walk, argument, depth);
    return;
  }
  if (callee.type === 'Identifier' && callee.name === 'String' && file.scope.isGlobalReference(callee) && argument !== undefined && argument.type !== 'SpreadElement') {
    visit(walk, argument, 'text', depth);
  }
}

function visitInspected(walk: Walk, argument: TSESTree.Expression, depth: number): void {
  const error = caughtErrorOf(walk.file, argument);
  if (error !== null) walk.parts.push({ kind: 'stack', node: argument, error });
  else visit(walk, argument, 'object', depth);
}

function isUtilModule(file: FileContext, callee: TSESTree.MemberExpression): boolean {
  const reference = file.origins.referenceOf(callee);
  return reference !== null && (reference.module === 'util' || reference.module === 'node:util') && reference.steps.join('.') === 'inspect';
}
