/**
 * Which expression a module exports under a name, read from its AST as data (nothing is executed): the
 * initializer of `export const NAME = ...`, the local behind `export { local as NAME }`, `export default ...`,
 * and CommonJS `module.exports = { NAME: ... }`, `module.exports.NAME = ...`, `exports.NAME = ...`. A
 * re-export (`export { NAME } from './other'`, `export * from './other'`) names the module to ask next.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';

export type ExportedExpression =
  | { readonly kind: 'local'; readonly node: TSESTree.Node }
  /** Ask these modules, in order, for the same or another name. */
  | { readonly kind: 'reexport'; readonly targets: ReadonlyArray<{ readonly specifier: string; readonly name: string }> };

export function exportedExpression(program: TSESTree.Program, name: string): ExportedExpression | null {
  const commonJs = commonJsExport(program, name);
  if (commonJs !== null) return { kind: 'local', node: commonJs };
  const starTargets: Array<{ specifier: string; name: string }> = [];
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      if (name === 'default' && !statement.declaration.type.endsWith('Declaration')) return { kind: 'local', node: statement.declaration };
      continue;
    }
    if (statement.type === 'ExportAllDeclaration') {
      if (statement.exported === null && name !== 'default') starTargets.push({ specifier: statement.source.value, name });
      continue;
    }
    if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init !== null) return { kind: 'local', node: declarator.init };
      }
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (exported !== name) continue;
      const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
      if (statement.source !== null) return { kind: 'reexport', targets: [{ specifier: statement.source.value, name: local }] };
      return specifier.local.type === 'Identifier' ? { kind: 'local', node: specifier.local } : null;
    }
  }
  return starTargets.length > 0 ? { kind: 'reexport', targets: starTargets } : null;
}

/**
 * The expression a CommonJS module exports under `name` (`*` for the whole `module.exports`):
 * `module.exports = x`, `module.exports = { name }`, `module.exports.name = x`, `exports.name = x`.
 */
export function commonJsExport(program: TSESTree.Program, name: string): TSESTree.Node | null {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement') continue;
    const expression = statement.expression;
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') continue;
    const target = expression.left;
    if (target.type !== 'MemberExpression') continue;
    const property = staticPropertyName(target);
    const object = target.object;
    const isModuleExports = object.type === 'Identifier' && object.name === 'module' && property === 'exports';
    if (isModuleExports) {
      if (name === '*' || name === 'default') return expression.right;
      const value = unwrapExpression(expression.right);
      if (value.type === 'ObjectExpression') return findProperty(value, name)?.value ?? null;
      continue;
    }
    const isExportsObject =
      (object.type === 'Identifier' && object.name === 'exports') ||
      (object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module' && staticPropertyName(object) === 'exports');
    if (isExportsObject && property === name) return expression.right;
  }
  return null;
}
