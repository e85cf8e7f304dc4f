/**
 * Fixed collections an allow-list check compares against: `ALLOWED.includes(x)`, `new Set([...]).has(x)`,
 * `Object.keys(COLUMNS).includes(k)`, `Object.values(SortOrder).includes(o)`, `k in COLUMN_MAP`. The collection
 * is fixed when its members are constants the code wrote: a constant array or object, a `Set` of one, the keys
 * of an object literal (whatever its values), the members of a TypeScript enum. Names are followed to a `const`
 * of this file or to the value another project module exports (`import { SORTABLE } from './columns'`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { constantDefinition } from './module-exports.js';

/** Nested definitions (`const A = Object.keys(B)`, `B` imported) followed this deep. */
const MAX_DEPTH = 6;

/** A collection whose members are all constants: `includes`/`has` on it admits only those. */
export function isConstantCollection(file: FileContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  if (value.type === 'Identifier' && isMutated(file, value)) return false;
  if (file.values.isConstant(node)) return true;
  if (value.type === 'Identifier') {
    const definition = constantDefinition(file, value);
    return definition !== null && isConstantCollection(definition.file, definition.node, depth + 1);
  }
  if (value.type === 'ArrayExpression') return value.elements.every((element) => element !== null && element.type !== 'SpreadElement' && file.values.isConstant(element));
  if (value.type === 'NewExpression' && isGlobal(file, value.callee, 'Set')) {
    const members = value.arguments[0];
    return members !== undefined && members.type !== 'SpreadElement' && isConstantCollection(file, members, depth + 1);
  }
  if (value.type === 'CallExpression') {
    const method = objectMethod(file, value);
    const subject = value.arguments[0];
    if (subject === undefined || subject.type === 'SpreadElement') return false;
    if (method === 'keys' || method === 'getOwnPropertyNames') return hasConstantKeys(file, subject, depth + 1);
    if (method === 'values') return hasConstantValues(file, subject, depth + 1);
    if (method === 'freeze') return isConstantCollection(file, subject, depth + 1);
  }
  return false;
}

/** An object whose key set is fixed: `k in X`, `X.hasOwnProperty(k)` and `Object.keys(X)` admit only its keys. */
export function hasConstantKeys(file: FileContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  if (value.type === 'Identifier' && isMutated(file, value)) return false;
  if (file.values.isConstant(node)) return true;
  if (value.type === 'Identifier') {
    const definition = constantDefinition(file, value);
    return definition !== null && hasConstantKeys(definition.file, definition.node, depth + 1);
  }
  if (value.type === 'TSEnumDeclaration') return true;
  if (value.type === 'ObjectExpression') {
    return value.properties.every((property) => property.type === 'Property' && (!property.computed || file.values.isConstant(property.key)));
  }
  if (value.type === 'CallExpression' && objectMethod(file, value) === 'freeze') {
    const subject = value.arguments[0];
    return subject !== undefined && subject.type !== 'SpreadElement' && hasConstantKeys(file, subject, depth + 1);
  }
  return false;
}

/** An object whose values are all constants (`Object.values(X)` admits only those): a constant object or an enum. */
function hasConstantValues(file: FileContext, node: TSESTree.Node, depth: number): boolean {
  if (file.values.isConstant(node)) return true;
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') {
    const definition = constantDefinition(file, value);
    return definition !== null && depth < MAX_DEPTH && hasConstantValues(definition.file, definition.node, depth + 1);
  }
  if (value.type === 'TSEnumDeclaration') {
    return value.body.members.every((member) => member.initializer === undefined || file.values.isConstant(member.initializer));
  }
  return false;
}

/** Collection methods that add members. */
const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'add', 'set', 'fill']);

/** `allowed[req.query.k] = true`, `ALLOWED.push(x)`: members added at run time, from anywhere. */
function isMutated(file: FileContext, identifier: TSESTree.Identifier): boolean {
  const variable = file.scope.variableOf(identifier);
  return (
    variable !== null &&
    variable.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) return false;
      if (member.computed && member.parent?.type === 'AssignmentExpression' && member.parent.left === member) return true;
      const method = member.computed ? null : staticPropertyName(member);
      return method !== null && ADDING_METHODS.has(method) && member.parent?.type === 'CallExpression' && member.parent.callee === member;
    })
  );
}

/** `Object.keys(...)` → `keys`, for the global `Object` only. */
function objectMethod(file: FileContext, call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  return isGlobal(file, callee.object, 'Object') ? staticPropertyName(callee) : null;
}

function isGlobal(file: FileContext, node: TSESTree.Node, name: string): boolean {
  const value = unwrapExpression(node);
  return value.type === 'Identifier' && value.name === name && file.scope.isGlobalReference(value);
}
