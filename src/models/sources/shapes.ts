/** Every request shape by id, and the models whose rows say where request objects and inputs appear. */
import type { LibraryModel, RequestShapeId } from '../concepts.js';
import { expressRequest, expressSources } from './express.js';
import { fastifyRequest, fastifySources } from './fastify.js';
import { apolloSources, graphqlJsSources, graphqlResolverTypes, graphqlToolsSources, rootValueSources, typeGraphqlSources } from './graphql.js';
import { honoContext, honoSources } from './hono.js';
import { koaContext, koaRouterSources, koaSources } from './koa.js';
import { nestjsSources } from './nestjs.js';
import { fetchRequest, nextApiRequest, nextSources } from './next.js';
import { nodeHttpSources, nodeRequest } from './node-http.js';
import type { RequestShape } from './request-shape.js';
import { routeEvent } from './file-routers.js';
import { h3Event, h3Sources } from './h3.js';
import { awsLambdaTypes, lambdaEvent } from './lambda.js';
import { amqplibSources, amqpMessage, kafkajsSources, kafkaPayload } from './messaging.js';
import { grpcCall, grpcSources, socketIoSocket, socketIoSources, wsSocket, wsSources, xmlrpcParams, xmlrpcSources } from './rpc-sockets.js';

export const REQUEST_SHAPES: Readonly<Record<RequestShapeId, RequestShape>> = {
  'express-request': expressRequest,
  'koa-context': koaContext,
  'fastify-request': fastifyRequest,
  'hono-context': honoContext,
  'fetch-request': fetchRequest,
  'next-api-request': nextApiRequest,
  'node-request': nodeRequest,
  'lambda-event': lambdaEvent,
  'kafka-payload': kafkaPayload,
  'amqp-message': amqpMessage,
  'grpc-call': grpcCall,
  'ws-socket': wsSocket,
  'socketio-socket': socketIoSocket,
  'xmlrpc-params': xmlrpcParams,
  'route-event': routeEvent,
  'h3-event': h3Event,
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
  rootValueSources,
  graphqlJsSources,
  awsLambdaTypes,
  kafkajsSources,
  amqplibSources,
  grpcSources,
  wsSources,
  socketIoSources,
  xmlrpcSources,
  h3Sources,
];
