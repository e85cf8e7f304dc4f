/**
 * What the taint engine needs to know about a function's body, gathered in one walk on first request:
 * its return expressions, and every call in it (nested callbacks included, since they run with its
 * parameters in scope). The file-level index of calls by callee name is likewise built once, lazily.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { FunctionNode } from './taint-types.js';

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export interface FunctionFacts {
  readonly returns: readonly TSESTree.Expression[];
  readonly calls: readonly CallNode[];
}

type NodeRecord = TSESTree.Node & Record<string, unknown>;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Children of a node, by the visitor keys (no recursion: callers keep their own stack). */
export function childrenOf(node: TSESTree.Node): TSESTree.Node[] {
  const keys = visitorKeys[node.type] ?? [];
  const children: TSESTree.Node[] = [];
  for (const key of keys) {
    const child = (node as NodeRecord)[key];
    if (Array.isArray(child)) {
      for (const element of child) if (isNode(element)) children.push(element);
    } else if (isNode(child)) {
      children.push(child);
    }
  }
  return children;
}

export function collectFunctionFacts(fn: FunctionNode): FunctionFacts {
  const returns: TSESTree.Expression[] = [];
  const calls: CallNode[] = [];
  if (fn.body.type !== 'BlockStatement') returns.push(fn.body);
  const stack: Array<{ node: TSESTree.Node; nested: boolean }> = [{ node: fn.body, nested: false }];
  while (stack.length > 0) {
    const { node, nested } = stack.pop() as { node: TSESTree.Node; nested: boolean };
    if (node.type === 'ReturnStatement' && !nested && node.argument !== null) returns.push(node.argument);
    if (node.type === 'CallExpression' || node.type === 'NewExpression') calls.push(node);
    const inner = nested || isFunctionNode(node);
    for (const child of childrenOf(node)) stack.push({ node: child, nested: inner });
  }
  calls.sort((a, b) => a.range[0] - b.range[0]);
  return { returns, calls };
}

/** The name a call is made by: `f` for `f()`, `m` for `a.b.m()`; null for computed callees. */
export function calleeKey(call: CallNode): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return staticPropertyName(callee);
  return null;
}

export interface CallIndex {
  /** By callee name: the candidates when looking for a function's callers. */
  readonly byName: ReadonlyMap<string, readonly CallNode[]>;
  /** Every call and `new`, in no particular order: for the registrations and hand-offs read forward. */
  readonly all: readonly CallNode[];
}

/** Every call and `new` in a program, indexed in one walk. */
export function indexCalls(program: TSESTree.Program): CallIndex {
  const index = new Map<string, CallNode[]>();
  const all: CallNode[] = [];
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      all.push(node);
      const key = calleeKey(node);
      if (key !== null) {
        const list = index.get(key) ?? [];
        list.push(node);
        index.set(key, list);
      }
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
  return { byName: index, all };
}

/** The function whose body contains `node` (the innermost), or null at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  // ESLint sets Program.parent to null, our traversal leaves it undefined: stop at either.
  for (let current = node.parent; current !== undefined && current !== null; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/** A readable name for a function: its declared name, the variable or property it is assigned to, or `<anonymous>`. */
export function functionName(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id !== null && fn.id !== undefined) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && parent.key.type === 'Identifier') return parent.key.name;
  return '<anonymous>';
}
