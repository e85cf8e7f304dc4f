/**
 * Parameters of callbacks whose arguments a modeled API supplies: `promise.then(value => ...)` gets the
 * resolved value, `items.forEach(item => ...)` and `map`/`filter`/... each element, `reduce` its element in
 * the second parameter, and `req.on('data', chunk => ...)` a chunk of the request body.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { ELEMENT_CALLBACK_METHODS } from '../../models/sanitizers/globals.js';
import { staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';
import { hop } from './origins.js';
import { rootOf } from './request-chains.js';
import { renderSteps, requestInputAt } from './request-inputs.js';
import type { FunctionNode, Origin } from './taint-types.js';

/** The value a callback parameter receives, or null when `fn` is not a callback of a known API. */
export function callbackParameterValue(ev: TaintEvaluator, fn: FunctionNode, index: number, path: readonly string[], depth: number): readonly Origin[] | null {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !(call.arguments as readonly TSESTree.Node[]).includes(fn)) return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = staticPropertyName(callee);
  if (method === null) return null;
  const receiver = callee.object;
  if (method === 'then' && index === 0 && (call.arguments[0] as TSESTree.Node | undefined) === fn) return ev.valueAt(receiver, path, depth);
  if (ELEMENT_CALLBACK_METHODS.has(method) && index === 0 && (call.arguments[0] as TSESTree.Node | undefined) === fn) return ev.valueAt(receiver, ['*', ...path], depth);
  if (method === 'reduce' && index === 1 && (call.arguments[0] as TSESTree.Node | undefined) === fn) return ev.valueAt(receiver, ['*', ...path], depth);
  return eventValue(ev, call, receiver, method, fn, index, depth);
}

/**
 * `req.on('data', chunk => ...)`: the request shape names the event whose callback receives input in its first
 * parameter; `socket.on('chat', (text, meta) => ...)` on a socket.io socket, any event the client names, in
 * every parameter.
 */
function eventValue(ev: TaintEvaluator, call: TSESTree.CallExpression, receiver: TSESTree.Node, method: string, fn: FunctionNode, index: number, depth: number): readonly Origin[] | null {
  const eventArgument = call.arguments[0];
  const event = eventArgument === undefined ? null : (stringLiteralValue(eventArgument) ?? ev.file.values.stringOf(eventArgument));
  const base = unwrapExpression(receiver);
  if (event === null || base.type !== 'Identifier') return null;
  const root = rootOf(ev, base, depth);
  if (root === null || root.shape === 'process') return null;
  const match = requestInputAt(root.shape, [...root.steps, method, '()']);
  const anyEvent = match?.callbackEvent === '*' && !match.reservedEvents.includes(event);
  if (match === null || (!anyEvent && (match.callbackEvent !== event || index !== 0))) return null;
  const label = `${renderSteps(root.name, [...root.steps.slice(root.named ?? 0), method])}('${event}')`;
  const at = fn.params[index] ?? fn;
  return [{ type: 'source', source: { label, kind: match.kind, node: at, file: ev.file, recognition: root.recognition }, hops: hop(null, at, `request input ${label} (${match.kind})`, ev.file), cleaned: 0 }];
}
