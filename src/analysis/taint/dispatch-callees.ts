/**
 * Calls that run one of several project functions: a list of route modules called in a loop
 * (`for (const register of [users, orders]) register(app)`, `routes.forEach((mount) => mount(app, db))`).
 * The list is an array literal, a constant bound to one, `Object.values` of an object literal, or such a value
 * another module exports (`module.exports = [require('./users'), require('./orders')]`); each element is
 * resolved like any callee.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { resolveCallee, resolveFunctionValue } from './callee-resolver.js';
import type { CallNode } from './function-facts.js';
import { exportedValue, importedFile, importedName, isReassigned, MAX_LINK_DEPTH, requiredModule, singleDefinition } from './module-exports.js';
import type { FunctionTarget } from './taint-types.js';

/** Functions one dispatching call may run: a longer list is cut here (its first functions still count). */
export const MAX_DISPATCH_TARGETS = 16;

/** Array methods whose callback receives each element first. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map']);

/** The project functions `call` runs: its one callee, or every function of the list its callee iterates. */
export function resolveCallees(file: FileContext, call: CallNode): readonly FunctionTarget[] {
  const single = resolveCallee(file, call);
  if (single !== null) return [single];
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier') return [];
  const list = iteratedList(file, callee);
  if (list === null) return [];
  const targets: FunctionTarget[] = [];
  for (const element of list.elements) {
    const target = resolveFunctionValue(list.file, element);
    if (target !== null && !targets.some((known) => known.fn === target.fn)) targets.push(target);
    if (targets.length >= MAX_DISPATCH_TARGETS) break;
  }
  return targets;
}

interface ListElements {
  readonly file: FileContext;
  readonly elements: readonly TSESTree.Node[];
}

/** The list a loop variable (`for (const r of list)`) or an element callback's parameter (`list.forEach((r) => ...)`) walks. */
function iteratedList(file: FileContext, identifier: TSESTree.Identifier): ListElements | null {
  const variable = file.scope.variableOf(identifier);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null || isReassigned(variable)) return null;
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name) {
    const declaration = definition.node.parent;
    const loop = declaration?.parent;
    if (loop?.type === 'ForOfStatement' && loop.left === declaration) return listElements(file, loop.right, 0);
    return null;
  }
  if (definition.type !== 'Parameter') return null;
  const callback = definition.node;
  if (!('params' in callback) || callback.params[0] !== definition.name) return null;
  const call = callback.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== callback || call.callee.type !== 'MemberExpression') return null;
  const method = staticPropertyName(call.callee);
  return method !== null && ELEMENT_CALLBACKS.has(method) ? listElements(file, call.callee.object, 0) : null;
}

/** The elements of a list value, following constants, imports and `Object.values`, across modules. */
function listElements(file: FileContext, node: TSESTree.Node, depth: number): ListElements | null {
  if (depth > MAX_LINK_DEPTH) return null;
  const value = unwrapExpression(node);
  if (value.type === 'ArrayExpression') {
    const elements: TSESTree.Node[] = [];
    for (const element of value.elements) {
      if (element === null) continue;
      if (element.type !== 'SpreadElement') elements.push(element);
      else elements.push(...(listElements(file, element.argument, depth + 1)?.elements ?? []));
    }
    return { file, elements };
  }
  if (value.type === 'CallExpression') {
    const required = requiredModule(file, value);
    if (required !== null) return exportedList(required, 'default', depth);
    const argument = value.arguments[0];
    if (isObjectValues(file, value.callee) && argument !== undefined && argument.type !== 'SpreadElement') return objectValues(file, argument, depth + 1);
    return null;
  }
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null || isReassigned(variable)) return null;
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null ? null : importedFile(file, imported.specifier);
    return target === null || imported === null || imported.name === '*' ? null : exportedList(target, imported.name, depth);
  }
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
    return listElements(file, definition.node.init, depth + 1);
  }
  return null;
}

function exportedList(file: FileContext, name: string, depth: number): ListElements | null {
  const exported = exportedValue(file, name, depth + 1);
  return exported === null ? null : listElements(exported.file, exported.node, depth + 1);
}

/** `Object.values(handlers)` where `handlers` is an object literal here or another module's exports object. */
function objectValues(file: FileContext, node: TSESTree.Node, depth: number): ListElements | null {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return { file, elements: value.properties.flatMap((property) => (property.type === 'Property' ? [property.value] : [])) };
  if (value.type === 'CallExpression') {
    const required = requiredModule(file, value);
    const exported = required === null ? null : exportedValue(required, 'default', depth + 1);
    return exported === null ? null : objectValues(exported.file, exported.node, depth + 1);
  }
  if (value.type !== 'Identifier' || depth > MAX_LINK_DEPTH) return null;
  const definition = singleDefinition(file.scope.variableOf(value));
  if (definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
    return objectValues(file, definition.node.init, depth + 1);
  }
  return null;
}

function isObjectValues(file: FileContext, callee: TSESTree.Node): boolean {
  const value = unwrapExpression(callee);
  if (value.type !== 'MemberExpression' || staticPropertyName(value) !== 'values') return false;
  const object = unwrapExpression(value.object);
  return object.type === 'Identifier' && object.name === 'Object' && file.scope.isGlobalReference(object);
}
