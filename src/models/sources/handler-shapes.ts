/**
 * Handlers recognised by their shape when no registration is in sight (ESLint lints one file; a scan may cover
 * part of a repository): the parameter names each framework's documentation and its users write, the request
 * shape the first one has, and the calls by which a handler answers on the response. A function of this shape
 * is a handler only when it also reads request input from the request parameter (a member its shape lists) or
 * answers on the response; the analysis checks that (analysis/taint/handler-shapes.ts).
 */
import type { RequestShapeId } from '../concepts.js';

export interface HandlerShape {
  readonly framework: string;
  /** Accepted names of the request parameter (always the first). */
  readonly request: readonly string[];
  readonly shape: RequestShapeId;
  /** Accepted names of the parameter after it (the response; Koa and Hono have none: the context is both). */
  readonly response: readonly string[] | null;
  /** Accepted names of an optional last parameter (`next`). */
  readonly next: readonly string[];
  /** The response object's type, as a path in `module` (`Response()` of express), so its methods are known sinks. */
  readonly responseType: { readonly module: string; readonly type: string };
  /** Methods on the response (on the context, for Koa and Hono) that answer the request. */
  readonly answers: readonly string[];
  /** Members the context answers through by assignment (`ctx.body = ...`). */
  readonly answerWrites?: readonly string[];
}

// https://expressjs.com/en/5x/api.html#res
const EXPRESS_ANSWERS = ['send', 'json', 'jsonp', 'status', 'sendStatus', 'render', 'redirect', 'end', 'write', 'writeHead', 'sendFile', 'download', 'set', 'setHeader', 'header', 'cookie', 'clearCookie', 'type', 'attachment', 'location', 'format', 'append', 'vary', 'links'];

export const HANDLER_SHAPES: readonly HandlerShape[] = [
  {
    framework: 'express',
    request: ['req', 'request'],
    shape: 'express-request',
    response: ['res', 'response'],
    next: ['next'],
    responseType: { module: 'express', type: 'Response()' },
    answers: EXPRESS_ANSWERS,
  },
  // https://fastify.dev/docs/latest/Reference/Reply/
  {
    framework: 'fastify',
    request: ['request', 'req'],
    shape: 'fastify-request',
    response: ['reply'],
    next: [],
    responseType: { module: 'fastify', type: 'FastifyReply()' },
    answers: ['send', 'code', 'status', 'header', 'headers', 'redirect', 'type', 'view', 'sendFile', 'download', 'setCookie', 'clearCookie', 'hijack'],
  },
  // https://koajs.com/#context: `(ctx, next)`; the context answers through `ctx.body = ...`.
  {
    framework: 'koa',
    request: ['ctx', 'context'],
    shape: 'koa-context',
    response: null,
    next: ['next'],
    responseType: { module: 'koa', type: 'Context()' },
    answers: ['redirect', 'attachment', 'set', 'append', 'remove', 'throw', 'assert'],
    answerWrites: ['body', 'status', 'type', 'message'],
  },
  // https://hono.dev/docs/api/context: `(c[, next])`.
  {
    framework: 'hono',
    request: ['c'],
    shape: 'hono-context',
    response: null,
    next: ['next'],
    responseType: { module: 'hono', type: 'Context()' },
    answers: ['json', 'text', 'html', 'body', 'redirect', 'header', 'status', 'notFound', 'newResponse', 'render'],
  },
];
