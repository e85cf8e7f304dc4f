/**
 * Which render locals a template's JavaScript expression writes into the page (EJS and Pug embed JS). A free
 * name is a local (EJS runs templates `with (locals)`, Pug's compiled function reads undeclared names from
 * them; `locals.x` is the same); a name the template declares is followed to what it was given (`var t =
 * output.term`, `items.forEach(function (item) {...})` → `items.*`, `for (const row of rows)` → `rows.*`).
 * Only values that reach the text unchanged count: members, `+`, template literals, `a || b`, `c ? a : b`,
 * and string methods that keep their input's characters. Any other call (a helper may escape) answers nothing:
 * quiet when in doubt.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { childrenOf } from '../taint/function-facts.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { ANY_MEMBER } from './template-types.js';

export interface ScriptRead {
  /** The expression that reads the local (its range is reported). */
  readonly node: TSESTree.Node;
  readonly path: readonly string[];
}

/** Bounds following declared names through the template (`var a = b; var b = c`). */
const MAX_READ_DEPTH = 12;
const MAX_PATH = 8;

/** JS globals a template calls or reads that are not locals. */
const NOT_LOCALS = new Set(['JSON', 'Math', 'Date', 'String', 'Number', 'Object', 'Array', 'Boolean', 'undefined', 'NaN', 'Infinity', 'encodeURIComponent', 'encodeURI', 'escape', 'include', 'require', 'process', 'console', 'Buffer']);
/** Methods whose result keeps the receiver's characters. */
const KEEPS_TEXT = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'concat', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'join', 'at']);
/** Iteration callbacks whose first parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'filter', 'find', 'some', 'every', 'flatMap', 'findLast']);

/** Calls of the marker functions a scanner wrote into its program, in source order. */
export function markerCalls(program: TSESTree.Program, names: readonly string[]): TSESTree.CallExpression[] {
  const found: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && names.includes(node.callee.name)) found.push(node);
    stack.push(...childrenOf(node));
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * `leading`: only values that can start the text (for a URL attribute, where a fixed `'/users/' + id` in front
 * pins the scheme).
 */
export function scriptReads(expression: TSESTree.Node, scope: ScopeFacts, leading = false): ScriptRead[] {
  const reads: ScriptRead[] = [];
  collect(expression, scope, reads, 0, leading);
  return reads;
}

function collect(raw: TSESTree.Node, scope: ScopeFacts, reads: ScriptRead[], depth: number, leading = false): void {
  if (depth > MAX_READ_DEPTH) return;
  const node = unwrapExpression(raw);
  switch (node.type) {
    case 'Identifier':
    case 'MemberExpression': {
      const path = localPath(node, scope, depth);
      if (path !== null && path.length > 0) reads.push({ node, path });
      return;
    }
    case 'BinaryExpression':
      if (node.operator === '+') {
        collect(node.left, scope, reads, depth + 1, leading);
        if (!leading || mayBeEmpty(node.left)) collect(node.right, scope, reads, depth + 1, leading);
      }
      return;
    case 'LogicalExpression':
      collect(node.left, scope, reads, depth + 1, leading);
      collect(node.right, scope, reads, depth + 1, leading);
      return;
    case 'ConditionalExpression':
      collect(node.consequent, scope, reads, depth + 1, leading);
      collect(node.alternate, scope, reads, depth + 1, leading);
      return;
    case 'TemplateLiteral':
      if (leading) {
        const first = node.expressions[0];
        if (first !== undefined && node.quasis[0]?.value.cooked === '') collect(first, scope, reads, depth + 1, leading);
      } else for (const part of node.expressions) collect(part, scope, reads, depth + 1);
      return;
    case 'CallExpression':
      collectCall(node, scope, reads, depth);
      return;
    default:
      return;
  }
}

function mayBeEmpty(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return !(value.type === 'Literal' && typeof value.value === 'string' && value.value !== '') && value.type !== 'TemplateLiteral';
}

function collectCall(call: TSESTree.CallExpression, scope: ScopeFacts, reads: ScriptRead[], depth: number): void {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier' && callee.name === 'String' && scope.isGlobalReference(callee)) {
    const argument = call.arguments[0];
    if (argument !== undefined && argument.type !== 'SpreadElement') collect(argument, scope, reads, depth + 1);
    return;
  }
  if (callee.type !== 'MemberExpression') return;
  const method = staticPropertyName(callee);
  if (method === null || !KEEPS_TEXT.has(method)) return;
  // `a.join(', ')` writes the elements; the others write the receiver's own text.
  if (method === 'join') {
    const path = localPath(callee.object, scope, depth);
    if (path !== null && path.length > 0) reads.push({ node: callee.object, path: [...path, ANY_MEMBER].slice(0, MAX_PATH) });
    return;
  }
  collect(callee.object, scope, reads, depth + 1);
  if (method === 'concat') for (const argument of call.arguments) if (argument.type !== 'SpreadElement') collect(argument, scope, reads, depth + 1);
}

/** The locals path an identifier or member chain reads, or null when it is not rooted at the locals. */
function localPath(raw: TSESTree.Node, scope: ScopeFacts, depth: number): readonly string[] | null {
  if (depth > MAX_READ_DEPTH) return null;
  const node = unwrapExpression(raw);
  if (node.type === 'MemberExpression') {
    if (node.object.type === 'Super') return null;
    const base = localPath(node.object, scope, depth + 1);
    if (base === null) return null;
    const name = staticPropertyName(node) ?? computedKey(node);
    // `x.length` is a number.
    if (name === 'length') return null;
    return [...base, name].slice(0, MAX_PATH);
  }
  if (node.type === 'ThisExpression') return null;
  if (node.type !== 'Identifier') return null;
  const variable = scope.variableOf(node);
  if (variable === null || variable.defs.length === 0) {
    if (node.name === 'locals') return [];
    return NOT_LOCALS.has(node.name) ? null : [node.name];
  }
  if (variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (definition === undefined) return null;
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
    const declarator = definition.node;
    const loop = declarator.parent?.parent;
    if (loop?.type === 'ForOfStatement' && declarator.parent === loop.left && declarator.id === definition.name) {
      const list = localPath(loop.right, scope, depth + 1);
      return list === null ? null : [...list, ANY_MEMBER];
    }
    if (declarator.id !== definition.name || declarator.init === null) return null;
    // A name assigned again later may hold anything: only a single write is followed.
    if (variable.references.filter((reference) => reference.isWrite()).length > 1) return null;
    return localPath(declarator.init, scope, depth + 1);
  }
  if (definition.type === 'Parameter') return elementParameterPath(definition.node as TSESTree.Node, definition.name, scope, depth);
  return null;
}

/** `list.forEach(function (item) {...})`: the first parameter is an element of `list`. */
function elementParameterPath(fn: TSESTree.Node, name: TSESTree.Node, scope: ScopeFacts, depth: number): readonly string[] | null {
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return null;
  if (fn.params[0] !== name) return null;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = staticPropertyName(callee);
  if (method === null || !ELEMENT_CALLBACKS.has(method)) return null;
  const list = localPath(callee.object, scope, depth + 1);
  return list === null ? null : [...list, ANY_MEMBER];
}

function computedKey(node: TSESTree.MemberExpression): string {
  const property = node.property;
  if (property.type === 'Literal' && (typeof property.value === 'string' || typeof property.value === 'number')) return String(property.value);
  return ANY_MEMBER;
}
