/**
 * Where a handler hands a value to the client as the response body, and with which status: a modeled
 * `response-body` call (`res.status(500).json(x)`, `c.json(x, 500)`, `new InternalServerErrorException(x)`),
 * Koa's `ctx.body = x`, and an API Gateway proxy result (`{ statusCode: 500, body: x }`, what a Lambda
 * handler returns). The status is read from the call's row, its response chain (`res.status(500)`), or the
 * last status set on the same response before it (`res.statusCode = 500`, `ctx.status = 500`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { describeReference, type ApiReference } from '../modules/api-reference.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ResponseBodyRow } from '../../models/exposure-concepts.js';
import type { FileTaint } from '../taint/file-taint.js';
import type { CallNode } from '../taint/function-facts.js';
import { conceptCallsAt } from '../taint/sinks.js';
import { responseChain, responseParameterType, responseRoot } from '../taint/html-responses.js';
import type { FunctionNode } from '../taint/taint-types.js';

export interface ResponseBody {
  /** The value sent. */
  readonly body: TSESTree.Node;
  /** `express Response().status().json`, for messages. */
  readonly api: string;
  readonly row: ResponseBodyRow | null;
  /** The statuses the response may carry; empty when unknown. */
  readonly statuses: readonly number[];
}

/** Status names of the HttpStatus enums frameworks export (NestJS `HttpStatus.INTERNAL_SERVER_ERROR`). */
const STATUS_NAMES: Readonly<Record<string, number>> = {
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};
const STATUS_METHODS: ReadonlySet<string> = new Set(['status', 'code']);
const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['status', 'statusCode']);

export function responseBodiesAt(taint: FileTaint, call: CallNode): ResponseBody[] {
  const file = taint.file;
  const view = taint.reporting();
  const matches = conceptCallsAt(view, call, 'response-body');
  const reference = matches.length === 0 ? errorHandlerResponse(view, call) : null;
  const found = reference === null ? matches : file.concepts.callsMatching(call, reference, 'response-body');
  return found.flatMap((match) => {
    if (match.target === null) return [];
    return [{ body: match.target, api: match.api, row: match.row, statuses: callStatuses(file, call, match.row) }];
  });
}

/**
 * `res.json(x)` in an Express error handler `(err, req, res, next)`: the framework passes the error first, so
 * the response is the third parameter where a route handler's model names the second.
 */
function errorHandlerResponse(taint: FileTaint, call: CallNode): ApiReference | null {
  const callee = unwrapExpression(call.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  const chain = callee.type === 'MemberExpression' ? responseChain(callee.object) : null;
  if (method === null || chain === null) return null;
  const definition = taint.file.scope.variableOf(chain.root)?.defs[0];
  if (definition?.type !== 'Parameter') return null;
  const fn = definition.node as FunctionNode;
  if (!('params' in fn) || fn.params.length !== 4 || fn.params[2] !== definition.name) return null;
  const role = taint.parameterRole(fn, 1);
  return role?.role === 'response' ? { module: role.reference.module, steps: [...role.reference.steps, ...chain.steps, method] } : null;
}

/** `ctx.body = value` (or `ctx.response.body`) on a Koa context. */
export function responseBodyWrite(fileTaint: FileTaint, write: TSESTree.AssignmentExpression): ResponseBody | null {
  if (write.operator !== '=' || write.left.type !== 'MemberExpression' || staticPropertyName(write.left) !== 'body') return null;
  const taint = fileTaint.reporting();
  const object = unwrapExpression(write.left.object);
  const nested = object.type === 'MemberExpression' && staticPropertyName(object) === 'response' ? unwrapExpression(object.object) : null;
  const root = nested ?? object;
  if (root.type !== 'Identifier') return null;
  const type = taint.file.origins.referenceOf(root) ?? responseParameterType(taint, root);
  if (type === null) return null;
  const steps = nested === null ? [...type.steps, 'body'] : [...type.steps, 'response', 'body'];
  const match = taint.file.project.conceptIndex.match({ module: type.module, steps }, 'response-body');
  if (match === null) return null;
  return { body: write.right, api: describeReference({ module: type.module, steps }), row: match.row, statuses: earlierStatuses(taint.file, root, write.range[0]) };
}

/** `{ statusCode: 500, body: err.stack }`: the result shape API Gateway and Lambda function URLs send as the response. */
export function proxyResultBody(file: FileContext, object: TSESTree.ObjectExpression): ResponseBody | null {
  const status = findProperty(object, 'statusCode');
  const body = findProperty(object, 'body');
  if (status === null || body === null) return null;
  return { body: body.value, api: 'the proxy result `body`', row: null, statuses: statusValues(file, status.value) };
}

function callStatuses(file: FileContext, call: CallNode, row: ResponseBodyRow): readonly number[] {
  const status = row.status;
  if (status !== undefined && 'fixed' in status) return [status.fixed];
  if (status !== undefined) {
    const argument = call.arguments[status.argument];
    return argument === undefined || argument.type === 'SpreadElement' ? [] : statusValues(file, argument);
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return [];
  for (let link = unwrapExpression(callee.object); link.type === 'CallExpression'; ) {
    const linkCallee = unwrapExpression(link.callee);
    if (linkCallee.type !== 'MemberExpression') break;
    const argument = link.arguments[0];
    if (STATUS_METHODS.has(staticPropertyName(linkCallee) ?? '') && argument !== undefined && argument.type !== 'SpreadElement') return statusValues(file, argument);
    link = unwrapExpression(linkCallee.object);
  }
  const root = responseRoot(callee.object);
  return root === null ? [] : earlierStatuses(file, root, call.range[0]);
}

/** The last status given to the response `root` holds before `before`: `res.status(500);`, `res.statusCode = 500`, `ctx.status = 500`. */
function earlierStatuses(file: FileContext, root: TSESTree.Identifier, before: number): readonly number[] {
  const variable = file.scope.variableOf(root);
  let latest: { end: number; statuses: readonly number[] } | null = null;
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || member.range[1] > before) continue;
    const name = staticPropertyName(member) ?? '';
    const use = member.parent;
    let value: TSESTree.Node | null = null;
    if (use?.type === 'AssignmentExpression' && use.left === member && STATUS_PROPERTIES.has(name)) value = use.right;
    if (use?.type === 'CallExpression' && use.callee === member && STATUS_METHODS.has(name) && use.arguments[0] !== undefined) value = use.arguments[0];
    if (value !== null && use !== undefined && use.range[1] <= before && (latest === null || use.range[1] > latest.end)) latest = { end: use.range[1], statuses: statusValues(file, value) };
  }
  return latest?.statuses ?? [];
}

/** The numbers a status expression may be: folded constants, both sides of `err.status || 500`, `HttpStatus.BAD_GATEWAY`. */
export function statusValues(file: FileContext, node: TSESTree.Node): readonly number[] {
  const value = unwrapExpression(node);
  const possible = file.values.possibleValues(value);
  if (possible !== null) return possible.filter((item): item is number => typeof item === 'number');
  if (value.type === 'LogicalExpression') return [...statusValues(file, value.left), ...statusValues(file, value.right)];
  if (value.type === 'ConditionalExpression') return [...statusValues(file, value.consequent), ...statusValues(file, value.alternate)];
  if (value.type === 'MemberExpression') {
    const name = staticPropertyName(value);
    const known = name === null ? undefined : STATUS_NAMES[name];
    return known === undefined ? [] : [known];
  }
  return [];
}

export function isServerError(statuses: readonly number[]): boolean {
  return statuses.some((status) => status >= 500 && status < 600);
}
