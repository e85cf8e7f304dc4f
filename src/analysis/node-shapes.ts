/** Small questions about the shape of TS-ESTree nodes, asked by the analyses and rules. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** Strips what does not change a value at run time: TS casts, non-null assertions, `satisfies`, optional chains. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member access or property key: `a.b`, `a['b']`, `{ b: 1 }`; null when computed. */
export function staticPropertyName(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  }
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  if (!node.computed && key.type === 'Literal') return String(key.value);
  return null;
}

export function stringLiteralValue(node: TSESTree.Node | undefined | null): string | null {
  if (node === undefined || node === null) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The last name of a callee: `exec` for `exec()`, `cp.exec()`, `this.cp.exec()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return staticPropertyName(callee);
  return null;
}

/** A property of an object literal by static key, or null. Spread elements are not followed. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  for (const property of object.properties) {
    if (property.type === 'Property' && staticPropertyName(property) === name) return property;
  }
  return null;
}

/** A node's parent, or null at the root: the engine leaves the Program's parent undefined, ESLint sets it to null. */
export function parentOf(node: TSESTree.Node): TSESTree.Node | null {
  return node.parent ?? null;
}

export function isFunctionNode(node: TSESTree.Node): node is TSESTree.FunctionLike & (TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression';
}

/** The class whose instance `this` is at `node`, or null (plain functions rebind `this`; arrows do not). */
export function enclosingClassOfThis(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  // ESLint sets Program.parent to null, our traversal leaves it undefined: stop at either.
  for (let current = node.parent; current !== undefined && current !== null; current = current.parent) {
    if (current.type === 'ClassBody') {
      const owner = current.parent;
      return owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression' ? owner : null;
    }
    if (current.type === 'FunctionDeclaration') return null;
    if (current.type === 'FunctionExpression') {
      const owner = current.parent;
      if (owner?.type !== 'MethodDefinition' && owner?.type !== 'PropertyDefinition') return null;
    }
  }
  return null;
}
