/**
 * Which function a call runs, when the project defines it: a function or arrow in this file, a method of a
 * class (through `this`, `new C()`, a typed parameter or an injected constructor parameter), or an export of
 * another project module (named, default, namespace, CommonJS), read through the host's module linker.
 * Library calls and anything dynamic resolve to null.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { enclosingClassOfThis, findProperty, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { isRelativeSpecifier } from '../modules/api-reference.js';
import type { VariableLike } from '../scope/scope-types.js';
import type { CallNode } from './function-facts.js';
import type { FunctionNode } from './taint-types.js';

export interface FunctionTarget {
  readonly file: FileContext;
  readonly fn: FunctionNode;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
interface ClassTarget {
  readonly file: FileContext;
  readonly cls: ClassNode;
}

/** Imports, re-exports and class hierarchies are followed this deep. */
const MAX_LINK_DEPTH = 8;

interface ModuleFiles {
  resolve(fromFile: string, specifier: string): string | null;
  fileAt(modulePath: string): FileContext | null;
}

function moduleFiles(file: FileContext): ModuleFiles | null {
  const linker = file.project.linker as (Partial<ModuleFiles> & object) | null;
  return linker !== null && typeof linker.fileAt === 'function' && typeof linker.resolve === 'function' ? (linker as ModuleFiles) : null;
}

/** The project file a relative specifier names, loaded; null for packages and files outside the project. */
export function importedFile(file: FileContext, specifier: string): FileContext | null {
  if (!isRelativeSpecifier(specifier)) return null;
  const files = moduleFiles(file);
  const path = files?.resolve(file.absolutePath, specifier) ?? null;
  return path === null ? null : (files?.fileAt(path) ?? null);
}

export function resolveCallee(file: FileContext, call: CallNode): FunctionTarget | null {
  return resolveFunctionValue(file, call.callee);
}

/** The project function an expression holds: `helper`, `controller.list`, `this.handle`, an inline function. */
export function resolveFunctionValue(file: FileContext, node: TSESTree.Node): FunctionTarget | null {
  const callee = unwrapExpression(node);
  if (isFunctionNode(callee)) return { file, fn: callee };
  if (callee.type === 'Identifier') return functionOfIdentifier(file, callee, 0);
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
  return objectLiteralFunction(file, object, name);
}

function singleDefinition(variable: VariableLike | null): VariableLike['defs'][number] | null {
  if (variable === null || variable.defs.length !== 1) return null;
  return variable.defs[0] ?? null;
}

function isReassigned(variable: VariableLike): boolean {
  return variable.references.some((reference) => reference.isWrite() && reference.init !== true);
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
  }
  return null;
}

function destructuredKey(pattern: TSESTree.ObjectPattern, name: TSESTree.Node): string | null {
  for (const property of pattern.properties) {
    if (property.type === 'Property' && (property.value === name || (property.value.type === 'AssignmentPattern' && property.value.left === name))) {
      return staticPropertyName(property);
    }
  }
  return null;
}

function requiredModule(file: FileContext, node: TSESTree.Node): FileContext | null {
  if (node.type !== 'CallExpression') return null;
  const specifier = file.origins.requiredModule(node);
  return specifier === null ? null : importedFile(file, specifier);
}

function importedName(node: TSESTree.Node): { specifier: string; name: string } | null {
  const declaration = node.parent;
  if (declaration?.type !== 'ImportDeclaration') return null;
  const specifier = declaration.source.value;
  if (node.type === 'ImportSpecifier') return { specifier, name: node.imported.type === 'Identifier' ? node.imported.name : node.imported.value };
  if (node.type === 'ImportDefaultSpecifier') return { specifier, name: 'default' };
  if (node.type === 'ImportNamespaceSpecifier') return { specifier, name: '*' };
  return null;
}

function importedFunction(file: FileContext, node: TSESTree.Node, depth: number): FunctionTarget | null {
  const imported = importedName(node);
  if (imported === null || imported.name === '*') return null;
  const target = importedFile(file, imported.specifier);
  return target === null ? null : exportedFunction(target, imported.name, depth + 1);
}

/** A project module an expression holds as a whole: `import * as repo`, a default import of a CommonJS module, `require('./repo')`. */
function moduleOfValue(file: FileContext, node: TSESTree.Node): FileContext | null {
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

function hasCommonJsExports(file: FileContext): boolean {
  return commonJsExports(file.ast) !== null;
}

/** `module.exports = { a, b }` as an object literal, or null. */
function commonJsExports(program: TSESTree.Program): TSESTree.ObjectExpression | null {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && staticPropertyName(left) === 'exports') {
      const value = unwrapExpression(right);
      if (value.type === 'ObjectExpression') return value;
    }
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

/** The node a module exports as `name`: a declaration, an initializer or an identifier, in its own file. */
function exportedValue(file: FileContext, name: string, depth: number): { file: FileContext; node: TSESTree.Node } | null {
  for (const statement of file.ast.body) {
    if (statement.type === 'ExportDefaultDeclaration' && name === 'default') return { file, node: statement.declaration };
    if (statement.type === 'ExportNamedDeclaration') {
      const found = namedExport(file, statement, name, depth);
      if (found !== null) return found;
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const found = commonJsExport(statement.expression, name);
      if (found !== null) return { file, node: found };
    }
  }
  for (const statement of file.ast.body) {
    if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
      const target = importedFile(file, statement.source.value);
      const found = target === null || depth >= MAX_LINK_DEPTH ? null : exportedValue(target, name, depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

function namedExport(file: FileContext, statement: TSESTree.ExportNamedDeclaration, name: string, depth: number): { file: FileContext; node: TSESTree.Node } | null {
  const declaration = statement.declaration;
  if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id?.name === name) return { file, node: declaration };
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init !== null) return { file, node: declarator.init };
    }
  }
  for (const specifier of statement.specifiers) {
    const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
    if (exported !== name) continue;
    const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
    if (statement.source !== null) {
      const target = importedFile(file, statement.source.value);
      return target === null || depth >= MAX_LINK_DEPTH ? null : exportedValue(target, local, depth + 1);
    }
    return specifier.local.type === 'Identifier' ? { file, node: specifier.local } : null;
  }
  return null;
}

function commonJsExport(assignment: TSESTree.AssignmentExpression, name: string): TSESTree.Node | null {
  const target = assignment.left;
  if (assignment.operator !== '=' || target.type !== 'MemberExpression') return null;
  const property = staticPropertyName(target);
  const object = target.object;
  if (object.type === 'Identifier' && object.name === 'module' && property === 'exports') {
    const value = unwrapExpression(assignment.right);
    if (value.type === 'ObjectExpression') return findProperty(value, name)?.value ?? null;
    return name === 'default' ? value : null;
  }
  const isExports = (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && staticPropertyName(object) === 'exports');
  return isExports && property === name ? assignment.right : null;
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

/** The method `name` of a class, or of its superclasses (static methods included). */
function methodOf(owner: ClassTarget, name: string, depth: number): FunctionTarget | null {
  for (const element of owner.cls.body.body) {
    if ((element.type === 'MethodDefinition' || element.type === 'PropertyDefinition') && staticPropertyName(element) === name && element.value !== null) {
      const value = unwrapExpression(element.value);
      if (isFunctionNode(value) && (element.type === 'PropertyDefinition' || element.kind === 'method')) return { file: owner.file, fn: value };
    }
  }
  const parent = owner.cls.superClass;
  if (parent === null || parent === undefined || depth >= MAX_LINK_DEPTH) return null;
  const base = classOfName(owner.file, unwrapExpression(parent), depth + 1);
  return base === null ? null : methodOf(base, name, depth + 1);
}

/** The class an instance expression belongs to: `new C()`, a variable holding one, a typed parameter, `this.repo`. */
export function classOfValue(file: FileContext, node: TSESTree.Node, depth: number): ClassTarget | null {
  if (depth > MAX_LINK_DEPTH) return null;
  const value = unwrapExpression(node);
  if (value.type === 'NewExpression') return classOfName(file, unwrapExpression(value.callee), depth + 1);
  if (value.type === 'AwaitExpression') return classOfValue(file, value.argument, depth + 1);
  if (value.type === 'MemberExpression' && value.object.type === 'ThisExpression') return classOfThisMember(file, value, depth);
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null) return null;
  const typed = typeAnnotationClass(file, definition.name, depth);
  if (typed !== null) return typed;
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.init !== null && !isReassigned(variable)) {
    return classOfValue(file, definition.node.init, depth + 1);
  }
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null ? null : importedFile(file, imported.specifier);
    const exported = target === null || imported === null ? null : exportedValue(target, imported.name, depth + 1);
    return exported === null ? null : classOfValue(exported.file, exported.node, depth + 1);
  }
  return null;
}

function typeAnnotationClass(file: FileContext, name: TSESTree.Node, depth: number): ClassTarget | null {
  if (name.type !== 'Identifier' || name.typeAnnotation === undefined) return null;
  const type = name.typeAnnotation.typeAnnotation;
  if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return null;
  return classOfName(file, type.typeName, depth + 1);
}

/** `this.repo`: a field's type or `new`, a constructor parameter property's type, or one `this.repo = ...` in the constructor. */
function classOfThisMember(file: FileContext, member: TSESTree.MemberExpression, depth: number): ClassTarget | null {
  const owner = enclosingClassOfThis(member);
  const name = staticPropertyName(member);
  if (owner === null || name === null) return null;
  for (const element of owner.body.body) {
    if (element.type === 'PropertyDefinition' && !element.static && staticPropertyName(element) === name) {
      if (element.value !== null) return classOfValue(file, element.value, depth + 1);
      const type = element.typeAnnotation?.typeAnnotation;
      if (type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier') return classOfName(file, type.typeName, depth + 1);
    }
    if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type === 'TSParameterProperty' && parameter.parameter.type === 'Identifier' && parameter.parameter.name === name) {
          return typeAnnotationClass(file, parameter.parameter, depth);
        }
      }
      for (const statement of element.value.body?.body ?? []) {
        if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
        const { left, right } = statement.expression;
        if (left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && staticPropertyName(left) === name) return classOfValue(file, right, depth + 1);
      }
    }
  }
  return null;
}

/** The class a name refers to: declared here, or imported from a project module. */
export function classOfName(file: FileContext, node: TSESTree.Node, depth: number): ClassTarget | null {
  if (node.type !== 'Identifier' || depth > MAX_LINK_DEPTH) return null;
  const definition = singleDefinition(file.scope.variableOf(node));
  if (definition === null) return null;
  if (definition.type === 'ClassName' && (definition.node.type === 'ClassDeclaration' || definition.node.type === 'ClassExpression')) return { file, cls: definition.node };
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null ? null : importedFile(file, imported.specifier);
    const exported = target === null || imported === null ? null : exportedValue(target, imported.name, depth + 1);
    if (exported === null) return null;
    const value = exported.node;
    if (value.type === 'ClassDeclaration' || value.type === 'ClassExpression') return { file: exported.file, cls: value };
    return classOfName(exported.file, value, depth + 1);
  }
  return null;
}

