/**
 * The one walk per file. Iterative (no recursion, so deep nesting cannot blow the stack), it sets `parent`
 * on every node and records the enter/exit order once, as ESLint's SourceCode#traverse does before any rule
 * runs; analyses asked for during dispatch can then rely on `parent` anywhere in the tree.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export interface Traversal {
  /** Nodes in visiting order; each node appears twice, on enter and on exit. */
  readonly nodes: readonly TSESTree.Node[];
  /** 1 where the step at the same index is an exit. */
  readonly exits: Uint8Array;
}

type NodeRecord = TSESTree.Node & Record<string, unknown>;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Child keys by node type; a type the visitor keys do not know is read from its own keys (looked up per node). */
function childKeys(node: TSESTree.Node): readonly string[] {
  const known = visitorKeys[node.type];
  if (known !== undefined) return known;
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'range' && key !== 'loc');
}

/**
 * One stack of nodes with a parallel stack of flags (1: the node's exit is due), so the walk allocates nothing
 * per node beyond the two result arrays; it runs once per file over every node, after the parse.
 */
export function traverse(root: TSESTree.Program): Traversal {
  const nodes: TSESTree.Node[] = [];
  const exitFlags: number[] = [];
  const stack: TSESTree.Node[] = [root];
  const pendingExit: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    const isExit = pendingExit.pop() === 1;
    nodes.push(node);
    exitFlags.push(isExit ? 1 : 0);
    if (isExit) continue;
    stack.push(node);
    pendingExit.push(1);
    const keys = childKeys(node);
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const child = (node as NodeRecord)[keys[keyIndex] as string];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index -= 1) {
          const element: unknown = child[index];
          if (isNode(element)) {
            (element as { parent?: TSESTree.Node }).parent = node;
            stack.push(element);
            pendingExit.push(0);
          }
        }
      } else if (isNode(child)) {
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child);
        pendingExit.push(0);
      }
    }
  }
  return { nodes, exits: Uint8Array.from(exitFlags) };
}
