/**
 * What another project module exports, read from its AST through the host's module linker: named and
 * default exports, re-exports (`export { x } from`, `export *`), and CommonJS (`module.exports = { ... }`,
 * `exports.name = ...`). Nothing is executed.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { isProjectSpecifier } from '../modules/api-reference.js';
import { isReassigned } from '../scope/scope-facts.js';
import type { VariableLike } from '../scope/scope-types.js';

/** Imports, re-exports and class hierarchies are followed this deep. */
export const MAX_LINK_DEPTH = 8;

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
  if (!isProjectSpecifier(specifier)) return null;
  const files = moduleFiles(file);
  const path = files?.resolve(file.absolutePath, specifier) ?? null;
  return path === null ? null : (files?.fileAt(path) ?? null);
}

export function singleDefinition(variable: VariableLike | null): VariableLike['defs'][number] | null {
  if (variable === null || variable.defs.length !== 1) return null;
  return variable.defs[0] ?? null;
}

export { isReassigned } from '../scope/scope-facts.js';

export function requiredModule(file: FileContext, node: TSESTree.Node): FileContext | null {
  if (node.type !== 'CallExpression') return null;
  const specifier = file.origins.requiredModule(node);
  return specifier === null ? null : importedFile(file, specifier);
}

export function importedName(node: TSESTree.Node): { specifier: string; name: string } | null {
  const declaration = node.parent;
  if (declaration?.type !== 'ImportDeclaration') return null;
  const specifier = declaration.source.value;
  if (node.type === 'ImportSpecifier') return { specifier, name: node.imported.type === 'Identifier' ? node.imported.name : node.imported.value };
  if (node.type === 'ImportDefaultSpecifier') return { specifier, name: 'default' };
  if (node.type === 'ImportNamespaceSpecifier') return { specifier, name: '*' };
  return null;
}

export function hasCommonJsExports(file: FileContext): boolean {
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

/** The node a module exports as `name`: a declaration, an initializer or an identifier, in its own file. */
export function exportedValue(file: FileContext, name: string, depth: number): { file: FileContext; node: TSESTree.Node } | null {
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
  if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration' || declaration?.type === 'TSEnumDeclaration') && declaration.id?.name === name) return { file, node: declaration };
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

/**
 * What a constant name is bound to: the initializer of a `const` (or a never-reassigned variable) of this file,
 * or, for an import, the value the other project module exports under that name, followed the same way. Enum
 * declarations count as their own definition. Null for parameters, reassigned variables and packages.
 */
export function constantDefinition(file: FileContext, identifier: TSESTree.Identifier, depth = 0): { file: FileContext; node: TSESTree.Node } | null {
  if (depth > MAX_LINK_DEPTH) return null;
  const variable = file.scope.variableOf(identifier);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null) return null;
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null || imported.name === '*' ? null : importedFile(file, imported.specifier);
    const exported = target === null || imported === null ? null : exportedValue(target, imported.name, depth + 1);
    return exported === null ? null : followConstant(exported.file, exported.node, depth + 1);
  }
  if (definition.type === 'TSEnumName' && definition.node.type === 'TSEnumDeclaration') return { file, node: definition.node };
  if (definition.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || isReassigned(variable)) return null;
  const declarator = definition.node;
  if (declarator.init === null || declarator.id !== definition.name) return null;
  return followConstant(file, declarator.init, depth + 1);
}

/** An exported identifier (`export { ALLOWED }`, `module.exports = { ALLOWED }`) is followed to its own definition. */
function followConstant(file: FileContext, node: TSESTree.Node, depth: number): { file: FileContext; node: TSESTree.Node } | null {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return { file, node: value };
  return constantDefinition(file, value, depth);
}
