/**
 * Classes behind instance expressions (`new C()`, a typed parameter, an injected constructor parameter,
 * `this.repo`) and their methods, through superclasses and across project modules. A function called with
 * `new` is a class too (pre-ES2015 code): its methods are `this.m = function` in its body and
 * `C.prototype.m = function` beside it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { enclosingClassOfThis, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { exportedValue, importedFile, importedName, isReassigned, MAX_LINK_DEPTH, requiredModule, singleDefinition } from './module-exports.js';
import type { FunctionNode, FunctionTarget } from './taint-types.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
export interface ClassTarget {
  readonly file: FileContext;
  readonly cls: ClassNode | FunctionNode;
}

/** The method `name` of a class, or of its superclasses (static methods included). */
export function methodOf(owner: ClassTarget, name: string, depth: number): FunctionTarget | null {
  if (isFunctionNode(owner.cls)) return constructorFunctionMethod(owner.file, owner.cls, name);
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

/** `this.name = function` in a constructor function's body, or `Name.prototype.name = function` in its module. */
function constructorFunctionMethod(file: FileContext, fn: FunctionNode, name: string): FunctionTarget | null {
  const own = fn.body.type === 'BlockStatement' ? fn.body.body : [];
  const className = fn.type === 'ArrowFunctionExpression' ? null : (fn.id?.name ?? null);
  for (const statement of [...own, ...file.ast.body]) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    if (left.type !== 'MemberExpression' || staticPropertyName(left) !== name) continue;
    const object = left.object;
    const onThis = object.type === 'ThisExpression' && own.includes(statement);
    const onPrototype = object.type === 'MemberExpression' && staticPropertyName(object) === 'prototype' && object.object.type === 'Identifier' && object.object.name === className;
    const value = unwrapExpression(right);
    if ((onThis || onPrototype) && isFunctionNode(value)) return { file, fn: value };
  }
  return null;
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

/** `require('./dao')` (the module's `module.exports`) or `require('./dao').Dao`: the export it reads, in its module. */
function requiredExport(file: FileContext, node: TSESTree.Node, depth: number): { file: FileContext; node: TSESTree.Node } | null {
  if (node.type === 'CallExpression') {
    const required = requiredModule(file, node);
    return required === null ? null : exportedValue(required, 'default', depth + 1);
  }
  const name = node.type === 'MemberExpression' ? staticPropertyName(node) : null;
  const object = node.type === 'MemberExpression' ? unwrapExpression(node.object) : null;
  const required = object?.type === 'CallExpression' ? requiredModule(file, object) : null;
  return required === null || name === null ? null : exportedValue(required, name, depth + 1);
}

/**
 * The class a name refers to: declared here, or imported from a project module; also a `require` of a module that
 * is the class itself (`new (require('./dao'))(db)`).
 */
export function classOfName(file: FileContext, node: TSESTree.Node, depth: number): ClassTarget | null {
  if (depth > MAX_LINK_DEPTH) return null;
  if (node.type === 'CallExpression' || node.type === 'MemberExpression') {
    const exported = requiredExport(file, node, depth);
    return exported === null ? null : classOfExport(exported, node, depth);
  }
  if (node.type !== 'Identifier') return null;
  const definition = singleDefinition(file.scope.variableOf(node));
  if (definition === null) return null;
  if (definition.type === 'ClassName' && (definition.node.type === 'ClassDeclaration' || definition.node.type === 'ClassExpression')) return { file, cls: definition.node };
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return { file, cls: definition.node };
  let exported: { file: FileContext; node: TSESTree.Node } | null = null;
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null ? null : importedFile(file, imported.specifier);
    exported = target === null || imported === null ? null : exportedValue(target, imported.name, depth + 1);
  } else if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
    // `const Handler = require('./handler')` (a module exporting a class or constructor), `require('./dao').Dao`,
    // or a class/function expression.
    exported = requiredExport(file, unwrapExpression(definition.node.init), depth) ?? { file, node: unwrapExpression(definition.node.init) };
  } else if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id.type === 'ObjectPattern' && definition.node.init !== null) {
    // `const { AuditTrail } = require('./audit')`: the export named by the property the binding came from.
    const required = requiredModule(file, unwrapExpression(definition.node.init));
    const key = required === null ? null : destructuredKey(definition.node.id, definition.name);
    exported = required === null || key === null ? null : exportedValue(required, key, depth + 1);
  }
  return exported === null ? null : classOfExport(exported, node, depth);
}

function classOfExport(exported: { file: FileContext; node: TSESTree.Node }, from: TSESTree.Node, depth: number): ClassTarget | null {
  const value = unwrapExpression(exported.node);
  if (value.type === 'ClassDeclaration' || value.type === 'ClassExpression' || isFunctionNode(value)) return { file: exported.file, cls: value };
  return value.type === 'Identifier' && value !== from ? classOfName(exported.file, value, depth + 1) : null;
}

/** The property name a binding of an object pattern reads (`{ AuditTrail }`, `{ AuditTrail: Trail }`), or null. */
function destructuredKey(pattern: TSESTree.ObjectPattern, binding: TSESTree.Node): string | null {
  for (const property of pattern.properties) {
    if (property.type === 'Property' && unwrapExpression(property.value) === binding) return staticPropertyName(property);
  }
  return null;
}
