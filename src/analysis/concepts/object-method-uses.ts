/**
 * The methods called on an object a call creates (`const decipher = createDecipheriv(...)`;
 * `decipher.setAuthTag(tag)`, `decipher.final()`), through one `const` and through methods that return the
 * object itself (`createDecipheriv(...).setAuthTag(tag)`). When the object escapes (returned, passed to a
 * function, stored, piped into) other code may call anything on it, and the answer says so.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parentOf, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';

export interface ObjectMethodUses {
  readonly calls: ReadonlyMap<string, readonly TSESTree.CallExpression[]>;
  readonly escapes: boolean;
}

const MAX_CHAIN = 8;
const MAX_REFERENCES = 32;

export function objectMethodUses(created: TSESTree.Node, scope: ScopeFacts, returnsSelf: ReadonlySet<string>): ObjectMethodUses {
  const calls = new Map<string, TSESTree.CallExpression[]>();
  const record = (name: string, call: TSESTree.CallExpression): void => {
    const list = calls.get(name) ?? [];
    list.push(call);
    calls.set(name, list);
  };
  /** Records the method chain starting at `node`; returns the node the object leaves the chain in. */
  const chain = (node: TSESTree.Node): TSESTree.Node | null => {
    let current = node;
    for (let step = 0; step < MAX_CHAIN; step += 1) {
      let parent = parentOf(current);
      while (parent !== null && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ChainExpression')) {
        current = parent;
        parent = parentOf(current);
      }
      const call = parent === null ? null : parentOf(parent);
      if (parent?.type !== 'MemberExpression' || parent.object !== current || call?.type !== 'CallExpression' || call.callee !== parent) return current;
      const name = staticPropertyName(parent);
      if (name === null) return null;
      record(name, call);
      if (!returnsSelf.has(name)) return null; // the object stays behind; the call's result is something else
      current = call;
    }
    return null;
  };
  const left = chain(created);
  if (left === null) return { calls, escapes: false };
  const declarator = left.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== left || declarator.id.type !== 'Identifier') return { calls, escapes: true };
  const variable = scope.variableOf(declarator.id);
  if (variable === null) return { calls, escapes: true };
  let escapes = false;
  for (const reference of variable.references.slice(0, MAX_REFERENCES)) {
    if (reference.init === true) continue;
    if (reference.isWrite()) return { calls, escapes: true };
    const identifier = unwrapExpression(reference.identifier);
    if (chain(identifier) === identifier) escapes = true;
  }
  return { calls, escapes: escapes || variable.references.length > MAX_REFERENCES };
}
