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

const EXIT_MARK = Symbol('exit');
interface ExitMark {
  readonly [EXIT_MARK]: true;
  readonly node: TSESTree.Node;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function childKeys(node: TSESTree.Node): readonly string[] {
  const known = visitorKeys[node.type];
  if (known !== undefined) return known;
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'range' && key !== 'loc');
}

export function traverse(root: TSESTree.Program): Traversal {
  const nodes: TSESTree.Node[] = [];
  const exitFlags: number[] = [];
  const stack: Array<TSESTree.Node | ExitMark> = [root];
  while (stack.length > 0) {
    const item = stack.pop() as TSESTree.Node | ExitMark;
    if (EXIT_MARK in item) {
      nodes.push(item.node);
      exitFlags.push(1);
      continue;
    }
    const node = item;
    nodes.push(node);
    exitFlags.push(0);
    stack.push({ [EXIT_MARK]: true, node });
    const keys = childKeys(node);
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const key = keys[keyIndex];
      if (key === undefined) continue;
      const child = (node as NodeRecord)[key];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index -= 1) {
          const element: unknown = child[index];
          if (isNode(element)) {
            (element as { parent?: TSESTree.Node }).parent = node;
            stack.push(element);
          }
        }
      } else if (isNode(child)) {
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child);
      }
    }
  }
  return { nodes, exits: Uint8Array.from(exitFlags) };
}
