/**
 * Deep merges the project writes itself: a function that copies every key of one parameter into another and
 * recurses into nested objects (`for (const key in source) { if (isObject(source[key])) merge(target[key],
 * source[key]); else target[key] = source[key]; }`). Given `{"__proto__": {"admin": true}}` (JSON.parse makes
 * `__proto__` an own key), the recursion reaches `target.__proto__`, which is `Object.prototype`, and writes into
 * it, as lodash's `merge` once did. Its source parameter is a deep-merge sink, read from the function's shape once
 * per function. A body that names `__proto__`, `constructor` or `prototype` as a string is taken to guard its keys.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import { resolveCallee } from './callee-resolver.js';
import type { FileTaint } from './file-taint.js';
import { childrenOf, enclosingFunction, functionName, type CallNode } from './function-facts.js';
import type { FunctionNode } from './taint-types.js';

/** Keys whose check before the write is the guard a safe merge has. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Text that says a file may define such a merge: the cheap prefilter before any function is read. */
export const KEY_LOOP_TEXT = /\bfor\s*\(\s*(?:const|let|var)?\s*[\w$]+\s+(?:in\s|of\s+Object\.keys\s*\()/;

/** The source argument of a call to a project deep merge: a deep-merge sink (prototype-pollution). */
export function projectMergeSinks(taint: FileTaint, call: CallNode): Array<{ target: TSESTree.Node; api: string }> {
  if (call.type !== 'CallExpression') return [];
  const callee = resolveCallee(taint.file, call);
  // The merge's own recursion is not where the keys come in: its caller's argument is.
  if (callee === null || enclosingFunction(call) === callee.fn) return [];
  const index = callee.file.taint.recursiveMergeSource(callee.fn);
  const argument = index === null ? undefined : call.arguments[index];
  return argument === undefined || argument.type === 'SpreadElement' ? [] : [{ target: argument, api: `${functionName(callee.fn)}() (a recursive merge without a __proto__ check)` }];
}

/** The index of the parameter `fn` deep-merges from (its keys copied, recursing), or null when `fn` is no such merge. */
export function recursiveMergeSource(fn: FunctionNode): number | null {
  const name = functionName(fn);
  if (name === '<anonymous>' || fn.params.length < 2) return null;
  const parameters = fn.params.map((parameter) => (parameter.type === 'Identifier' ? parameter.name : null));
  let source: string | null = null;
  let key: string | null = null;
  const writtenKeys = new Set<string>();
  const recursedKeys = new Set<string>();
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'Literal' && PROTOTYPE_KEYS.has(stringLiteralValue(node) ?? '')) return null;
    const loop = keyLoop(node);
    if (loop !== null && source === null && parameters.includes(loop.source)) ({ source, key } = loop);
    if (node.type === 'AssignmentExpression') {
      const written = keyOf(node.left);
      if (written !== null) writtenKeys.add(written);
    }
    if (node.type === 'CallExpression' && isSelfCall(node, name)) {
      for (const argument of node.arguments) {
        const recursed = keyOf(argument);
        if (recursed !== null) recursedKeys.add(recursed);
      }
    }
    for (const child of childrenOf(node)) if (!isFunctionNode(child) || child.type === 'ArrowFunctionExpression') stack.push(child);
  }
  if (source === null || key === null || !writtenKeys.has(key) || !recursedKeys.has(key)) return null;
  return parameters.indexOf(source);
}

/** `for (const k in source)` or `for (const k of Object.keys(source))`: the key variable and the object walked. */
function keyLoop(node: TSESTree.Node): { source: string; key: string } | null {
  if (node.type !== 'ForInStatement' && node.type !== 'ForOfStatement') return null;
  const key = loopVariable(node.left);
  let walked = unwrapExpression(node.right);
  if (node.type === 'ForOfStatement') {
    if (walked.type !== 'CallExpression' || !isObjectKeys(walked.callee)) return null;
    const argument = walked.arguments[0];
    if (argument === undefined || argument.type === 'SpreadElement') return null;
    walked = unwrapExpression(argument);
  }
  return key === null || walked.type !== 'Identifier' ? null : { source: walked.name, key };
}

function loopVariable(left: TSESTree.Node): string | null {
  if (left.type === 'Identifier') return left.name;
  if (left.type !== 'VariableDeclaration') return null;
  const id = left.declarations[0]?.id;
  return id?.type === 'Identifier' ? id.name : null;
}

function isObjectKeys(callee: TSESTree.Node): boolean {
  const value = unwrapExpression(callee);
  if (value.type !== 'MemberExpression' || staticPropertyName(value) !== 'keys') return false;
  const object = unwrapExpression(value.object);
  return object.type === 'Identifier' && object.name === 'Object';
}

/** The key variable of `object[key]` (a write `target[key] = ...`, a recursion into `source[key]`), else null. */
function keyOf(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type !== 'MemberExpression' || !value.computed) return null;
  const property = unwrapExpression(value.property);
  return property.type === 'Identifier' ? property.name : null;
}

function isSelfCall(call: TSESTree.CallExpression, name: string): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'Identifier' && callee.name === name;
}
