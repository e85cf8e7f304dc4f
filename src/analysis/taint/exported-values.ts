/**
 * The names a module exports a value under, read from where the value stands (the reverse of
 * module-exports.ts): `export function GET`, `export const handler = ...`, `export default ...`,
 * `export { load }`, `exports.handler = ...`, `module.exports.handler = ...`, `module.exports = { handler }`
 * (and `module.exports = value` as `default`). A declared function or variable is exported under every name
 * its binding is.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';

export function exportedValueNames(file: FileContext, value: TSESTree.Node): string[] {
  const names = namesAt(file, value);
  const binding = bindingOf(value);
  if (binding !== null) {
    if (binding.parent?.type === 'ExportNamedDeclaration' || binding.parent?.parent?.type === 'ExportNamedDeclaration') names.push(binding.id.name);
    for (const reference of file.scope.variableOf(binding.id)?.references ?? []) {
      if (reference.isRead()) names.push(...namesAt(file, reference.identifier));
    }
  }
  return names;
}

/** The declaration a value is bound by: `function f() {}`, `const f = ...`. */
function bindingOf(value: TSESTree.Node): { id: TSESTree.Identifier; parent: TSESTree.Node | undefined } | null {
  if (value.type === 'FunctionDeclaration' && value.id !== null) return { id: value.id, parent: value.parent };
  const declarator = value.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === value && declarator.id.type === 'Identifier') return { id: declarator.id, parent: declarator.parent };
  return null;
}

/** Names under which the expression at `node` itself is exported. */
function namesAt(file: FileContext, node: TSESTree.Node): string[] {
  const parent = node.parent;
  if (parent === undefined) return [];
  if (parent.type === 'ExportDefaultDeclaration') return ['default'];
  if (parent.type === 'ExportSpecifier' && parent.local === node) return [moduleExportName(parent.exported)];
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=') return commonJsTargetNames(file, parent.left);
  if (parent.type === 'Property' && parent.value === node && parent.parent.type === 'ObjectExpression') {
    const key = staticPropertyName(parent);
    const holder = parent.parent.parent;
    const isModuleObject = holder?.type === 'AssignmentExpression' && holder.right === parent.parent && commonJsTargetNames(file, holder.left).includes('default');
    return key !== null && isModuleObject ? [key] : [];
  }
  return [];
}

function moduleExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === 'Identifier' ? name.name : name.value;
}

/** `exports.x`, `module.exports.x` → x; `module.exports` → default. */
function commonJsTargetNames(file: FileContext, target: TSESTree.Node): string[] {
  const left = unwrapExpression(target);
  if (left.type !== 'MemberExpression') return [];
  const name = staticPropertyName(left);
  if (name === null) return [];
  const object = unwrapExpression(left.object);
  if (isFreeName(file, object, 'module') && name === 'exports') return ['default'];
  if (isFreeName(file, object, 'exports')) return [name];
  if (object.type === 'MemberExpression' && staticPropertyName(object) === 'exports' && isFreeName(file, unwrapExpression(object.object), 'module')) return [name];
  return [];
}

function isFreeName(file: FileContext, node: TSESTree.Node, name: string): boolean {
  return node.type === 'Identifier' && node.name === name && file.scope.isGlobalReference(node);
}
