/**
 * The parameter roles of a handler recognised by its shape (handler-shapes.ts), asked by the shape view of a
 * file's taint only after registrations, types, decorators and conventions had nothing to say: the first
 * parameter is the request, the next (or the context itself) the response of the shape's framework. A
 * function that code of its own file calls is a helper, not a handler, and keeps parameter origins.
 */
import type { ApiReference } from '../modules/api-reference.js';
import type { FileTaint } from './file-taint.js';
import { handlerShapeByNames, type ShapedHandler } from './handler-shapes.js';
import { simplePathSteps, type ParameterRole } from './request-sources.js';
import type { FunctionNode } from './taint-types.js';

function shapedHandler(taint: FileTaint, fn: FunctionNode): ShapedHandler | null {
  if (!taint.shapeHandlerCandidates().has(fn)) return null;
  if (taint.registrations(fn).length > 0 || taint.callersOf(fn).length > 0) return null;
  return handlerShapeByNames(fn);
}

export function shapeRole(taint: FileTaint, fn: FunctionNode, index: number): ParameterRole | null {
  if (index !== 0 && index !== 1) return null;
  const shaped = shapedHandler(taint, fn);
  if (shaped === null) return null;
  if (index === 0) return { role: 'request', shape: shaped.model.shape, recognition: 'shape' };
  return shaped.responseIndex === index ? { role: 'response', reference: responseReference(shaped) } : null;
}

/** Koa's `ctx` and Hono's `c` answer too: the response type of a context recognised by shape. */
export function shapeContextResponseType(taint: FileTaint, fn: FunctionNode, index: number): ApiReference | null {
  if (index !== 0) return null;
  const shaped = shapedHandler(taint, fn);
  return shaped === null || shaped.responseIndex !== null ? null : responseReference(shaped);
}

function responseReference(shaped: ShapedHandler): ApiReference {
  return { module: shaped.model.responseType.module, steps: simplePathSteps(shaped.model.responseType.type) };
}
