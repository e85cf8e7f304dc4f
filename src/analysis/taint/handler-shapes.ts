/**
 * Handlers by shape (models/sources/handler-shapes.ts): where no registration is visible, a function whose
 * parameters are named as a framework's handlers are (`(req, res[, next])`, `(request, reply)`, `(ctx[, next])`,
 * `(c)`), untyped, that no code of its own file calls, and that reads request input from its first parameter
 * or answers on its response, is taken for a handler. A function named so that reads none of this, or whose
 * parameter is typed (a typed non-HTTP object is not a request; a typed request is recognised by its type), is
 * not one. Test files are left out: their `(req, res)` functions are mocks.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { HANDLER_SHAPES, type HandlerShape } from '../../models/sources/handler-shapes.js';
import { isTestPath } from '../files/test-paths.js';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { requestInputAt } from './request-inputs.js';
import type { FunctionNode } from './taint-types.js';

export interface ShapedHandler {
  readonly model: HandlerShape;
  /** The response parameter, or null when the context (parameter 0) answers too. */
  readonly responseIndex: number | null;
}

/** Member reads examined per parameter; a handler shows its input in its first few uses. */
const MAX_EVIDENCE_REFERENCES = 64;

function untypedName(parameter: TSESTree.Parameter | undefined): string | null {
  return parameter?.type === 'Identifier' && parameter.typeAnnotation === undefined ? parameter.name : null;
}

/** The model whose parameter names `fn` has, with the response parameter's index; names only. */
export function handlerShapeByNames(fn: FunctionNode): ShapedHandler | null {
  const names = fn.params.map(untypedName);
  const [first, second, third] = names;
  if (first === undefined || first === null || names.length > 3) return null;
  for (const model of HANDLER_SHAPES) {
    if (!model.request.includes(first)) continue;
    if (model.response !== null) {
      if (second === undefined || second === null || !model.response.includes(second)) continue;
      if (third !== undefined && (third === null || !model.next.includes(third))) continue;
      return { model, responseIndex: 1 };
    }
    if (names.length > 2 || (second !== undefined && (second === null || !model.next.includes(second)))) continue;
    return { model, responseIndex: null };
  }
  return null;
}

/** Functions of the file whose parameter names fit a handler shape (not yet checked for reads or callers). */
export function shapeCandidates(file: FileContext): FunctionNode[] {
  if (isTestPath(file.path)) return [];
  const found: FunctionNode[] = [];
  for (const scope of file.scope.manager.scopes) {
    if (scope.type !== 'function' || !isFunctionNode(scope.block)) continue;
    const fn = scope.block as FunctionNode;
    if (handlerShapeByNames(fn) !== null && hasEvidence(file, fn)) found.push(fn);
  }
  return found;
}

/** True when `fn` reads request input from its request parameter or answers on its response. */
export function hasEvidence(file: FileContext, fn: FunctionNode): boolean {
  const shaped = handlerShapeByNames(fn);
  if (shaped === null) return false;
  const request = fn.params[0];
  const response = shaped.responseIndex === null ? request : fn.params[shaped.responseIndex];
  return usesOf(file, request).some((use) => readsInput(shaped.model, use)) || usesOf(file, response).some((use) => answers(shaped.model, use));
}

function usesOf(file: FileContext, parameter: TSESTree.Parameter | undefined): TSESTree.Node[] {
  if (parameter?.type !== 'Identifier') return [];
  const variable = file.scope.variableOf(parameter);
  return (variable?.references ?? []).slice(0, MAX_EVIDENCE_REFERENCES).map((reference) => reference.identifier);
}

/** `req.query.id`, `c.req.query('id')`, `const { body } = req`: a read of a member the shape lists as input. */
function readsInput(model: HandlerShape, use: TSESTree.Node): boolean {
  const steps: string[] = [];
  let current: TSESTree.Node = use;
  for (let parent = current.parent; parent !== undefined && steps.length < 6; parent = current.parent) {
    if (parent.type === 'MemberExpression' && parent.object === current) {
      const name = staticPropertyName(parent);
      if (name === null) break;
      steps.push(name);
    } else if (parent.type === 'CallExpression' && parent.callee === current) {
      steps.push('()');
    } else if (parent.type === 'ChainExpression' || parent.type === 'TSNonNullExpression') {
      // `req.query?.id`, `req.body!.name`: the same read.
    } else if (parent.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'ObjectPattern') {
      return parent.id.properties.some((property) => property.type === 'Property' && isInput(model, [...steps, staticPropertyName(property) ?? '*']));
    } else {
      break;
    }
    if (isInput(model, steps)) return true;
    current = parent;
  }
  return false;
}

function isInput(model: HandlerShape, steps: readonly string[]): boolean {
  const match = requestInputAt(model.shape, steps);
  return match !== null && match.callbackEvent === undefined;
}

/** `res.send(...)`, `reply.code(404)`, `ctx.body = ...`, `c.json(...)`: the function answers the request. */
function answers(model: HandlerShape, use: TSESTree.Node): boolean {
  const member = use.parent;
  if (member?.type !== 'MemberExpression' || member.object !== use) return false;
  const name = staticPropertyName(member);
  if (name === null) return false;
  const outer = member.parent;
  if (outer?.type === 'CallExpression' && unwrapExpression(outer.callee) === member) return model.answers.includes(name);
  return outer?.type === 'AssignmentExpression' && outer.left === member && (model.answerWrites ?? []).includes(name);
}
