/** Every request shape by id, and the models whose rows say where request objects and inputs appear. */
import type { LibraryModel, RequestShapeId } from '../concepts.js';
import { expressRequest, expressSources } from './express.js';
import { fastifyRequest, fastifySources } from './fastify.js';
import { apolloSources, graphqlResolverTypes, graphqlToolsSources, typeGraphqlSources } from './graphql.js';
import { honoContext, honoSources } from './hono.js';
import { koaContext, koaRouterSources, koaSources } from './koa.js';
import { nestjsSources } from './nestjs.js';
import { fetchRequest, nextApiRequest, nextSources } from './next.js';
import { nodeHttpSources, nodeRequest } from './node-http.js';
import type { RequestShape } from './request-shape.js';

export const REQUEST_SHAPES: Readonly<Record<RequestShapeId, RequestShape>> = {
  'express-request': expressRequest,
  'koa-context': koaContext,
  'fastify-request': fastifyRequest,
  'hono-context': honoContext,
  'fetch-request': fetchRequest,
  'next-api-request': nextApiRequest,
  'node-request': nodeRequest,
};

export const SOURCE_MODELS: readonly LibraryModel[] = [
  expressSources,
  koaSources,
  koaRouterSources,
  fastifySources,
  honoSources,
  nodeHttpSources,
  nestjsSources,
  nextSources,
  apolloSources,
  graphqlToolsSources,
  graphqlResolverTypes,
  typeGraphqlSources,
];
