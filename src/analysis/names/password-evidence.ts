/**
 * Is a hash computed over a password? Without data flow from a login form, the evidence is in names:
 * the hashed value is (or is built from) a value named like a password (`req.body.password`, `salt + pwd`),
 * or the result is stored, compared or returned under such a name (`user.passwordHash = ...`,
 * `md5(input) === user.password`, `function hashPassword(plain) { return ... }`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StringAssemblies } from '../values/string-assembly.js';
import { namesPassword } from './password-names.js';

export type PasswordEvidence =
  | { readonly kind: 'hashed-value'; readonly node: TSESTree.Node; readonly name: string }
  | { readonly kind: 'stored-as' | 'compared-with' | 'returned-from'; readonly node: TSESTree.Node; readonly name: string };

/** Bounds on how far a value or a result is followed; real chains are two or three steps. */
const MAX_WRAPPER_DEPTH = 4;
const MAX_CHAIN_LENGTH = 8;

export class PasswordEvidenceFinder {
  private readonly scope: ScopeFacts;
  private readonly strings: StringAssemblies;

  constructor(scope: ScopeFacts, strings: StringAssemblies) {
    this.scope = scope;
    this.strings = strings;
  }

  /** The part of a hashed value whose name says it is a password, or null. */
  inHashedValue(value: TSESTree.Node, depth = 0): PasswordEvidence | null {
    if (depth > MAX_WRAPPER_DEPTH) return null;
    for (const part of this.strings.of(value).dynamicParts) {
      const inner = this.convertedValue(part);
      if (inner !== null) {
        const found = this.inHashedValue(inner, depth + 1);
        if (found !== null) return found;
        continue;
      }
      const name = valueName(part);
      if (name !== null && namesPassword(name, 'plaintext')) return { kind: 'hashed-value', node: part, name };
    }
    return null;
  }

  /** Where the result of `call` (followed through `.digest()`, `.toString()`, `await`) goes, if that says password. */
  inResultUse(call: TSESTree.CallExpression | TSESTree.NewExpression): PasswordEvidence | null {
    const result = outermostResult(call);
    const parent = result.parent;
    if (parent === undefined) return null;
    switch (parent.type) {
      case 'VariableDeclarator':
        return parent.init === result && parent.id.type === 'Identifier' ? stored(parent.id, parent.id.name) : null;
      case 'AssignmentExpression': {
        if (parent.right !== result) return null;
        const name = valueName(parent.left);
        return name === null ? null : stored(parent.left, name);
      }
      case 'Property':
      case 'PropertyDefinition': {
        if (parent.value !== result) return null;
        const name = staticPropertyName(parent);
        return name === null ? null : stored(parent.key, name);
      }
      case 'BinaryExpression': {
        if (!['===', '==', '!==', '!='].includes(parent.operator)) return null;
        const other = parent.left === result ? parent.right : parent.left;
        const name = valueName(other);
        return name !== null && namesPassword(name, 'stored') ? { kind: 'compared-with', node: other, name } : null;
      }
      case 'ReturnStatement':
        return returnedFrom(parent);
      case 'ArrowFunctionExpression':
        return parent.body === result ? returnedFrom(parent) : null;
      default:
        return null;
    }
  }

  /** `Buffer.from(x)`, `String(x)`: byte or string conversions that keep the value; null for anything else. */
  private convertedValue(node: TSESTree.Node): TSESTree.Node | null {
    if (node.type !== 'CallExpression') return null;
    const argument = node.arguments[0];
    if (argument === undefined || argument.type === 'SpreadElement') return null;
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'Identifier') return callee.name === 'String' && this.scope.isGlobalReference(callee) ? argument : null;
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'from') return null;
    const owner = unwrapExpression(callee.object);
    return owner.type === 'Identifier' && owner.name === 'Buffer' && this.scope.isGlobalReference(owner) ? argument : null;
  }
}

function stored(node: TSESTree.Node, name: string): PasswordEvidence | null {
  return namesPassword(name, 'stored') ? { kind: 'stored-as', node, name } : null;
}

/** The name a value is known by: `password`, `req.body.password` → password, `getPassword()` → getPassword. */
export function valueName(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Identifier':
      return value.name;
    case 'MemberExpression':
      return staticPropertyName(value);
    case 'CallExpression':
      return calleeName(value);
    case 'AwaitExpression':
      return valueName(value.argument);
    default:
      return null;
  }
}

/**
 * The expression that carries a call's result to its use: `createHash(a).update(p)` → `...digest('hex')`,
 * through method chains, `await` and TypeScript wrappers.
 */
export function outermostResult(call: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = call;
  for (let step = 0; step < MAX_CHAIN_LENGTH; step += 1) {
    const parent = current.parent;
    if (parent === undefined) break;
    if (parent.type === 'MemberExpression' && parent.object === current && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      current = parent.parent;
    } else if (parent.type === 'AwaitExpression' || parent.type === 'ChainExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') {
      current = parent;
    } else {
      break;
    }
  }
  return current;
}

/** `function hashPassword(p) { return ... }`, `const hashPassword = (p) => ...`, `hashPassword(p) { ... }`. */
function returnedFrom(node: TSESTree.Node): PasswordEvidence | null {
  let current: TSESTree.Node | undefined = node;
  while (current !== undefined && !isFunctionNode(current)) current = current.parent;
  if (current === undefined) return null;
  const name = functionName(current);
  return name !== null && namesPassword(name.name, 'stored') ? { kind: 'returned-from', node: name.node, name: name.name } : null;
}

function functionName(fn: TSESTree.Node): { node: TSESTree.Node; name: string } | null {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id !== null && fn.id !== undefined) {
    return { node: fn.id, name: fn.id.name };
  }
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return { node: parent.id, name: parent.id.name };
  if (parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') {
    const name = staticPropertyName(parent);
    return name === null ? null : { node: parent.key, name };
  }
  if (parent?.type === 'AssignmentExpression') {
    const name = valueName(parent.left);
    return name === null ? null : { node: parent.left, name };
  }
  return null;
}
