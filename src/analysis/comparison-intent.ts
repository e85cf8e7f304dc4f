/**
 * What an equality comparison is for, when its shape says it does not decide access: selecting a record by
 * key inside `find`/`filter`, marking or counting elements while mapping a collection, or deciding whether to
 * copy one value over the other.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, parentOf, staticPropertyName, unwrapExpression } from './node-shapes.js';

/** Array methods whose callback selects elements: `channels.find((c) => c.token === token)` looks a record up by key. */
const SELECTING_METHODS: ReadonlySet<string> = new Set(['find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'some', 'every']);

/** The comparison is what a selecting callback returns: a lookup by key, not the check of a presented secret. */
export function isLookup(node: TSESTree.BinaryExpression): boolean {
  const parent = parentOf(node);
  const fn = parent?.type === 'ArrowFunctionExpression' && parent.body === node ? parent : parent?.type === 'ReturnStatement' ? enclosingFunction(parent) : null;
  const call = fn === null ? null : parentOf(fn);
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && SELECTING_METHODS.has(staticPropertyName(callee) ?? '');
}

/** Collection methods (native and lodash-style) whose callback turns each element into data. */
const MAPPING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'reduce', 'reduceRight', 'forEach', 'mapValues', 'countBy', 'sumBy']);

/**
 * `sessions.map((s) => ({ current: s.token === token }))`, `list.reduce((n, s) => n + (s.token === t ? 1 : 0), 0)`:
 * inside a mapping callback, the comparison only labels or counts an element (a property's value, or the test of
 * a choice between two literals); no caller is told yes or no about a secret it presented.
 */
export function isTally(node: TSESTree.BinaryExpression): boolean {
  const parent = parentOf(node);
  const isLabel = parent?.type === 'Property' && parent.value === node && parentOf(parent)?.type === 'ObjectExpression';
  const isCount = parent?.type === 'ConditionalExpression' && parent.test === node && parent.consequent.type === 'Literal' && parent.alternate.type === 'Literal';
  if (!isLabel && !isCount) return false;
  const fn = enclosingFunction(node);
  const call = fn === null ? null : parentOf(fn);
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && MAPPING_METHODS.has(staticPropertyName(callee) ?? '');
}

/** `if (a.token !== b) a.token = b`: the comparison only decides whether to copy one value over the other. */
export function isSync(node: TSESTree.BinaryExpression, textOf: (range: readonly [number, number]) => string): boolean {
  let test: TSESTree.Node = node;
  for (let parent = parentOf(test); parent?.type === 'LogicalExpression'; parent = parentOf(test)) test = parent;
  const statement = parentOf(test);
  if (statement?.type !== 'IfStatement' || statement.test !== test) return false;
  const [left, right] = [textOf(node.left.range), textOf(node.right.range)];
  const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
  return body.some((item) => {
    if (item.type !== 'ExpressionStatement' || item.expression.type !== 'AssignmentExpression') return false;
    const [target, value] = [textOf(item.expression.left.range), textOf(item.expression.right.range)];
    return (target === left && value === right) || (target === right && value === left);
  });
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | null {
  let current = parentOf(node);
  while (current !== null && !isFunctionNode(current)) current = parentOf(current);
  return current;
}

