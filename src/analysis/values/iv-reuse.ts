/**
 * Is an IV or nonce the same for more than one encryption? It is when the binding is made once and read by
 * every call (a module-level `const IV = randomBytes(16)` used inside a function, a class field set once per
 * instance), when it comes fixed from the environment, or when one binding feeds two encryptions. A binding
 * written again before use, or made inside the encrypting function, is fresh each time.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingClassOfThis, isFunctionNode, parentOf, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { isReassigned, type ScopeFacts } from '../scope/scope-facts.js';
import type { VariableLike } from '../scope/scope-types.js';
import { childrenOf } from '../taint/function-facts.js';

/** A class's methods are read only when an IV is a field; this bounds the read. */
const MAX_METHOD_NODES = 20_000;

export interface IvReuse {
  /** The IV as written: `IV`, `this.iv`. */
  readonly name: string;
  /** Completes "reuses the IV `x` ...". */
  readonly where: string;
}

export class IvReuseTracker {
  private readonly scope: ScopeFacts;
  private readonly firstUse = new Map<VariableLike, TSESTree.Node>();

  constructor(scope: ScopeFacts) {
    this.scope = scope;
  }

  /** Records `iv` as used by the encryption `call`; says how it is reused, or null. */
  check(iv: TSESTree.Node, call: TSESTree.Node): IvReuse | null {
    const value = unwrapExpression(iv);
    if (value.type === 'MemberExpression') return this.classField(value);
    if (value.type !== 'Identifier') return null;
    const variable = this.scope.variableOf(value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (variable === null || definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
    if (isReassigned(variable)) return null;
    const declaredIn = enclosingFunction(definition.node);
    const usedIn = enclosingFunction(call);
    if (declaredIn === null && usedIn !== null) return { name: value.name, where: 'made once when the module loads, so every call encrypts with the same one' };
    const previous = this.firstUse.get(variable);
    if (previous === undefined) {
      this.firstUse.set(variable, call);
      return null;
    }
    return previous === call ? null : { name: value.name, where: 'already used by another encryption' };
  }

  /** `this.iv` of a class that sets `iv` only in a field initializer or its constructor: one IV per instance. */
  private classField(member: TSESTree.MemberExpression): IvReuse | null {
    const name = staticPropertyName(member);
    if (member.object.type !== 'ThisExpression' || name === null) return null;
    const owner = enclosingClassOfThis(member);
    if (owner === null) return null;
    let isSetOnce = false;
    for (const element of owner.body.body) {
      if (element.type === 'PropertyDefinition' && staticPropertyName(element) === name && element.value !== null) isSetOnce = true;
      if (element.type !== 'MethodDefinition') continue;
      const writes = thisWrites(element.value.body, name);
      if (writes > 0 && element.kind !== 'constructor') return null;
      if (writes > 0) isSetOnce = true;
    }
    return isSetOnce ? { name: `this.${name}`, where: 'set once per instance, so every call on it encrypts with the same one' } : null;
  }
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | null {
  let current = parentOf(node);
  while (current !== null && !isFunctionNode(current)) current = parentOf(current);
  return current;
}

/** How many `this.<name> = ...` assignments a method body holds (nested functions included: they may run later). */
function thisWrites(body: TSESTree.Node | null | undefined, name: string): number {
  if (body === null || body === undefined) return 0;
  let count = 0;
  const stack: TSESTree.Node[] = [body];
  for (let steps = 0; stack.length > 0 && steps < MAX_METHOD_NODES; steps += 1) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && staticPropertyName(node.left) === name) count += 1;
    stack.push(...childrenOf(node));
  }
  return count;
}
