/**
 * The response object handed to a helper: `render(res, data)` where `function render(res, data) { res.send(data) }`.
 * In the helper `res` is an untyped parameter; it is the framework's response because the handler that calls
 * the helper passes its own response there. Within a file the helper's parameter takes the response type of
 * what its callers pass (a few helpers deep); across files the caller's call reads the helper's sinks on that
 * parameter (cross-module.ts), so sinks on the response count where the helper uses it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiReference } from '../modules/api-reference.js';
import { unwrapExpression } from '../node-shapes.js';
import type { FileTaint } from './file-taint.js';
import type { FunctionNode } from './taint-types.js';

/** Helpers passing the response on to helpers (`render` → `sendPage` → `res.send`) are followed this deep. */
export const MAX_RESPONSE_HELPER_DEPTH = 3;

/** The response type `node` holds: a handler's response parameter, a Koa/Hono context, or a helper parameter that receives one. */
export function responseTypeOf(taint: FileTaint, node: TSESTree.Node, depth: number): ApiReference | null {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return null;
  const definition = taint.file.scope.variableOf(value)?.defs[0];
  if (definition?.type !== 'Parameter' || !('params' in definition.node)) return null;
  const fn = definition.node as FunctionNode;
  const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
  return index < 0 ? null : parameterResponseType(taint, fn, index, depth);
}

/** The response type parameter `index` of `fn` holds, by its role or by what its callers in this file pass. */
export function parameterResponseType(taint: FileTaint, fn: FunctionNode, index: number, depth: number): ApiReference | null {
  const role = taint.parameterRole(fn, index);
  if (role?.role === 'response') return role.reference;
  // Koa's `ctx` and Hono's `c` are request and response in one parameter: the row names its response type too.
  if (role?.role === 'request') return taint.contextResponseType(fn, index);
  if (role !== null || depth >= MAX_RESPONSE_HELPER_DEPTH) return null;
  return taint.handedResponse(fn, index, () => handedResponse(taint, fn, index, depth));
}

/** What the callers of `fn` in this file pass as parameter `index`, when every one that passes a response agrees. */
function handedResponse(taint: FileTaint, fn: FunctionNode, index: number, depth: number): ApiReference | null {
  let found: ApiReference | null = null;
  for (const call of taint.callersOf(fn)) {
    const argument = call.arguments[index];
    if (argument === undefined || argument.type === 'SpreadElement') continue;
    const type = responseTypeOf(taint, argument, depth + 1);
    if (type === null) continue;
    if (found !== null && (found.module !== type.module || found.steps.join('.') !== type.steps.join('.'))) return null;
    found = type;
  }
  return found;
}
