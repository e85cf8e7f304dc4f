import type { LibraryModel } from '../concepts.js';

/**
 * Where a value becomes the body a client receives (`response-body` rows), for the information-exposure rules.
 * The response types are the ones the source models name for a handler's response parameter (models/sources/*),
 * so an untyped `res` of a registered handler resolves here too; `**` matches through the response's chainable
 * methods (`res.status(500).json(x)`).
 */
export const expressResponseBodies: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.json',
  rows: [{ concept: 'response-body', path: 'Response().**.{send,json,jsonp,end,write}', argument: 0 }],
};

export const nodeHttpResponseBodies: LibraryModel = {
  name: 'http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  docs: 'https://nodejs.org/api/http.html#responseenddata-encoding-callback',
  rows: [{ concept: 'response-body', path: 'ServerResponse().**.{write,end}', argument: 0 }],
};

/**
 * Fastify (https://fastify.dev/docs/latest/Reference/Reply/#errors): an Error passed to `reply.send` goes to the
 * error handler, which answers with status, name and message, never the stack or other fields.
 */
export const fastifyResponseBodies: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Reply/#senddata',
  rows: [{ concept: 'response-body', path: 'FastifyReply().**.send', argument: 0, errors: 'framework' }],
};

/** Hono (https://hono.dev/docs/api/context#json): `c.json(body, status)`, `c.text`, `c.body`. */
export const honoResponseBodies: LibraryModel = {
  name: 'hono',
  modules: ['hono'],
  docs: 'https://hono.dev/docs/api/context',
  rows: [{ concept: 'response-body', path: 'Context().{json,text,body,html}', argument: 0, status: { argument: 1 } }],
};

/** Koa (https://koajs.com/#response-body-): `ctx.body = value` (a property write: argument 0 is the assigned value). */
export const koaResponseBodies: LibraryModel = {
  name: 'koa',
  modules: ['koa', '@koa/router', 'koa-router'],
  docs: 'https://koajs.com/#response-body-',
  rows: [
    { concept: 'response-body', path: '{Context,RouterContext,ParameterizedContext}().body', argument: 0 },
    { concept: 'response-body', path: '{Context,RouterContext,ParameterizedContext}().response.body', argument: 0 },
  ],
};

/**
 * NestJS (https://docs.nestjs.com/exception-filters#throwing-standard-exceptions): the first argument of an
 * HttpException is the response body (a string becomes `{ statusCode, message }`, an object is sent as is).
 */
export const nestResponseBodies: LibraryModel = {
  name: '@nestjs/common',
  modules: ['@nestjs/common'],
  docs: 'https://docs.nestjs.com/exception-filters',
  rows: [
    { concept: 'response-body', path: 'HttpException', argument: 0, status: { argument: 1 } },
    { concept: 'response-body', path: 'InternalServerErrorException', argument: 0, status: { fixed: 500 } },
    { concept: 'response-body', path: '{BadGatewayException,ServiceUnavailableException,GatewayTimeoutException,NotImplementedException}', argument: 0, status: { fixed: 502 } },
    { concept: 'response-body', path: '{BadRequestException,NotFoundException,ForbiddenException,UnauthorizedException,ConflictException,UnprocessableEntityException}', argument: 0, status: { fixed: 400 } },
  ],
};

/** errorhandler (https://github.com/expressjs/errorhandler#readme): "development-only error handler middleware". */
export const errorhandler: LibraryModel = {
  name: 'errorhandler',
  modules: ['errorhandler'],
  docs: 'https://github.com/expressjs/errorhandler#readme',
  rows: [{ concept: 'dev-error-page', path: '' }],
};

export const RESPONSE_BODY_MODELS: readonly LibraryModel[] = [
  expressResponseBodies,
  nodeHttpResponseBodies,
  fastifyResponseBodies,
  honoResponseBodies,
  koaResponseBodies,
  nestResponseBodies,
  errorhandler,
];
