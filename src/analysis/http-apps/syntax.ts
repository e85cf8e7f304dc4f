/** Small syntax questions the HTTP facts ask: bounded walks, frames and event order, member chains. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { isFunctionNode, staticPropertyName } from '../node-shapes.js';
import type { EventOrder, FunctionNode } from './http-types.js';

/** A walk over one file or function stops after this many nodes; larger bodies are read as far as this. */
export const MAX_WALK_NODES = 200_000;

type NodeRecord = TSESTree.Node & Record<string, unknown>;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every node under `root` (itself included), depth first in source order; iterative and bounded. */
export function descendants(root: TSESTree.Node, limit = MAX_WALK_NODES): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop() as TSESTree.Node;
    found.push(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const child = (node as NodeRecord)[keys[keyIndex] ?? ''];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index -= 1) {
          const element: unknown = child[index];
          if (isNode(element)) stack.push(element);
        }
      } else if (isNode(child)) stack.push(child);
    }
  }
  return found;
}

const TRANSPARENT = new Set(['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);

/** The outermost expression around `node` with the same value: through `await`, TS casts, optional chains. */
export function climbTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent !== undefined && TRANSPARENT.has(current.parent.type)) current = current.parent;
  return current;
}

/** The function body (or module) whose statements run in order around `node`. */
export function enclosingFrame(node: TSESTree.Node): TSESTree.Node {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (isFunctionNode(current) || current.type === 'Program') return current;
  }
  return node;
}

export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  const frame = enclosingFrame(node);
  return isFunctionNode(frame) ? frame : null;
}

/** The order of an event at `node`: inside `outer` (an inlining call's order) or on its own. */
export function orderOf(node: TSESTree.Node, outer: EventOrder | null): EventOrder {
  if (outer === null) return { frame: enclosingFrame(node), at: [node.range[0]] };
  return { frame: outer.frame, at: [...outer.at, node.range[0]] };
}

/** -1 when `a` runs before `b`, 1 after, 0 at the same point; null when they are in different frames (unknown). */
export function compareOrder(a: EventOrder, b: EventOrder): -1 | 0 | 1 | null {
  if (a.frame !== b.frame) return null;
  const length = Math.max(a.at.length, b.at.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.at[index] ?? -1;
    const right = b.at[index] ?? -1;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/** `res.status` → root `res`, members ['status']; `ctx.response.set` → ['response', 'set']. Null when computed. */
export function memberChain(node: TSESTree.Node): { readonly root: TSESTree.Identifier; readonly members: readonly string[] } | null {
  const members: string[] = [];
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < 8; steps += 1) {
    if (current.type === 'Identifier') return { root: current, members: members.reverse() };
    if (current.type !== 'MemberExpression') return null;
    const name = staticPropertyName(current);
    if (name === null) return null;
    members.push(name);
    current = current.object;
  }
  return null;
}

export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/** The identifier a parameter binds (`res`, `res = x`), or null for patterns and rest parameters. */
export function parameterIdentifier(fn: FunctionNode, index: number): TSESTree.Identifier | null {
  let parameter: TSESTree.Node | undefined = fn.params[index];
  if (parameter?.type === 'TSParameterProperty') parameter = parameter.parameter;
  if (parameter?.type === 'AssignmentPattern') parameter = parameter.left;
  return parameter?.type === 'Identifier' ? parameter : null;
}
