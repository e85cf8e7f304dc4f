/**
 * Which function a call runs, when the project defines it: a function or arrow in this file, a method of a
 * class (through `this`, `new C()`, a typed parameter or an injected constructor parameter), or an export of
 * another project module (named, default, namespace, CommonJS), read through the host's module linker.
 * Library calls and anything dynamic resolve to null.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { enclosingClassOfThis, findProperty, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { classOfName, classOfValue, methodOf } from './class-resolver.js';
import type { CallNode } from './function-facts.js';
import { exportedValue, hasCommonJsExports, importedFile, importedName, isReassigned, MAX_LINK_DEPTH, requiredModule, singleDefinition } from './module-exports.js';
import type { FunctionTarget } from './taint-types.js';

export function resolveCallee(file: FileContext, call: CallNode): FunctionTarget | null {
  return resolveFunctionValue(file, call.callee);
}

/** The project function an expression holds: `helper`, `controller.list`, `this.handle`, an inline function. */
export function resolveFunctionValue(file: FileContext, node: TSESTree.Node): FunctionTarget | null {
  const callee = unwrapExpression(node);
  if (isFunctionNode(callee)) return { file, fn: callee };
  if (callee.type === 'Identifier') return functionOfIdentifier(file, callee, 0);
  // `require('./routes')(app)`: the function a CommonJS module exports as a whole.
  if (callee.type === 'CallExpression') {
    const required = requiredModule(file, callee);
    return required === null ? null : exportedFunction(required, 'default', 1);
  }
  if (callee.type !== 'MemberExpression') return null;
  const name = staticPropertyName(callee);
  if (name === null) return null;
  const object = unwrapExpression(callee.object);
  if (object.type === 'ThisExpression') {
    const owner = enclosingClassOfThis(callee);
    return owner === null ? null : methodOf({ file, cls: owner }, name, 0);
  }
  const owner = classOfValue(file, object, 0);
  if (owner !== null) return methodOf(owner, name, 0);
  const ownerClass = classOfName(file, object, 0);
  if (ownerClass !== null) return methodOf(ownerClass, name, 0);
  const module = moduleOfValue(file, object);
  if (module !== null) return exportedFunction(module, name, 0);
  return objectLiteralFunction(file, object, name) ?? exportedObjectMethod(file, object, name) ?? ownExportFunction(file, object, name);
}

/**
 * `module.exports.get(url)` / `exports.get(url)`: a module calling its own export, bound by the one assignment
 * `module.exports.get = function (...) {...}` in the file (wherever it is: inside a handler too). Two
 * assignments, or one of no function, resolve to nothing.
 */
function ownExportFunction(file: FileContext, object: TSESTree.Node, name: string): FunctionTarget | null {
  if (!isOwnExportsObject(file, object)) return null;
  const values: TSESTree.Node[] = [];
  for (const root of ['module', 'exports']) {
    for (const reference of file.scope.globalReferencesTo(root)) {
      let member: TSESTree.Node | undefined = reference.identifier.parent;
      if (root === 'module') member = member?.type === 'MemberExpression' && staticPropertyName(member) === 'exports' ? member.parent : undefined;
      if (member?.type !== 'MemberExpression' || staticPropertyName(member) !== name) continue;
      const assignment = member.parent;
      if (assignment?.type === 'AssignmentExpression' && assignment.left === member && assignment.operator === '=') values.push(assignment.right);
    }
  }
  const value = values.length === 1 ? unwrapExpression(values[0] as TSESTree.Node) : null;
  return value !== null && isFunctionNode(value) ? { file, fn: value } : null;
}

/** `module.exports` or `exports`, the real CommonJS globals (not a local named so). */
function isOwnExportsObject(file: FileContext, node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return node.name === 'exports' && file.scope.isGlobalReference(node);
  if (node.type !== 'MemberExpression' || staticPropertyName(node) !== 'exports') return false;
  const root = unwrapExpression(node.object);
  return root.type === 'Identifier' && root.name === 'module' && file.scope.isGlobalReference(root);
}

function functionOfIdentifier(file: FileContext, identifier: TSESTree.Identifier, depth: number): FunctionTarget | null {
  const variable = file.scope.variableOf(identifier);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null) return null;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return { file, fn: definition.node };
  if (definition.type === 'ImportBinding') return importedFunction(file, definition.node, depth);
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && !isReassigned(variable)) {
    const declarator = definition.node;
    if (declarator.init === null) return null;
    const init = unwrapExpression(declarator.init);
    if (isFunctionNode(init) && declarator.id === definition.name) return { file, fn: init };
    const required = requiredModule(file, init);
    if (required !== null && declarator.id.type === 'ObjectPattern') {
      const key = destructuredKey(declarator.id, definition.name);
      return key === null ? null : exportedFunction(required, key, depth + 1);
    }
    // `const routes = require('./routes')` where the module exports a function (`module.exports = function`).
    if (required !== null && declarator.id === definition.name) return exportedFunction(required, 'default', depth + 1);
    // `const helper = require('./helpers').helper`.
    if (init.type === 'MemberExpression' && declarator.id === definition.name) return requiredMemberFunction(file, init, depth);
  }
  return null;
}

function requiredMemberFunction(file: FileContext, member: TSESTree.MemberExpression, depth: number): FunctionTarget | null {
  const name = staticPropertyName(member);
  const required = requiredModule(file, unwrapExpression(member.object));
  return name === null || required === null ? null : exportedFunction(required, name, depth + 1);
}

function destructuredKey(pattern: TSESTree.ObjectPattern, name: TSESTree.Node): string | null {
  for (const property of pattern.properties) {
    if (property.type === 'Property' && (property.value === name || (property.value.type === 'AssignmentPattern' && property.value.left === name))) {
      return staticPropertyName(property);
    }
  }
  return null;
}

function importedFunction(file: FileContext, node: TSESTree.Node, depth: number): FunctionTarget | null {
  const imported = importedName(node);
  if (imported === null || imported.name === '*') return null;
  const target = importedFile(file, imported.specifier);
  return target === null ? null : exportedFunction(target, imported.name, depth + 1);
}

/** A project module an expression holds as a whole: `import * as repo`, a default import of a CommonJS module, `require('./repo')`. */
export function moduleOfValue(file: FileContext, node: TSESTree.Node): FileContext | null {
  if (node.type === 'CallExpression') return requiredModule(file, node);
  if (node.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(node);
  const definition = singleDefinition(variable);
  if (definition === null) return null;
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    if (imported === null || (imported.name !== '*' && imported.name !== 'default')) return null;
    const target = importedFile(file, imported.specifier);
    // A default import is the module object only for CommonJS; an ESM default export is a value, found by exportedFunction.
    return imported.name === 'default' && target !== null && !hasCommonJsExports(target) ? null : target;
  }
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
    return requiredModule(file, unwrapExpression(definition.node.init));
  }
  return null;
}

/** The function a module exports as `name` (`default` included), following re-exports. */
export function exportedFunction(file: FileContext, name: string, depth: number): FunctionTarget | null {
  if (depth > MAX_LINK_DEPTH) return null;
  const value = exportedValue(file, name, depth);
  if (value === null) return null;
  return functionOfValue(value.file, value.node, depth);
}

function functionOfValue(file: FileContext, node: TSESTree.Node, depth: number): FunctionTarget | null {
  const value = unwrapExpression(node);
  if (isFunctionNode(value)) return { file, fn: value };
  if (value.type === 'Identifier') return functionOfIdentifier(file, value, depth + 1);
  return null;
}

/**
 * `routes.chat.add` where another module exports `chat = { add(req, res) {...} }` (`exports.chat = {...}`, or a
 * `const` bound to the literal): a method of an object literal another module exports.
 */
function exportedObjectMethod(file: FileContext, node: TSESTree.Node, name: string): FunctionTarget | null {
  if (node.type !== 'MemberExpression') return null;
  const exportName = staticPropertyName(node);
  const module = exportName === null ? null : moduleOfValue(file, unwrapExpression(node.object));
  const exported = module === null || exportName === null ? null : exportedValue(module, exportName, 0);
  if (exported === null) return null;
  const value = unwrapExpression(exported.node);
  if (value.type === 'Identifier') return objectLiteralFunction(exported.file, value, name);
  const property = value.type === 'ObjectExpression' ? findProperty(value, name) : null;
  return property === null ? null : functionOfValue(exported.file, property.value, 0);
}

/** `const api = { run(x) {...} }; api.run(y)`: a method of an object literal bound once. */
function objectLiteralFunction(file: FileContext, node: TSESTree.Node, name: string): FunctionTarget | null {
  if (node.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(node);
  const definition = singleDefinition(variable);
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  const init = unwrapExpression(definition.node.init);
  if (init.type !== 'ObjectExpression') return null;
  const property = findProperty(init, name);
  return property === null ? null : functionOfValue(file, property.value, 0);
}
