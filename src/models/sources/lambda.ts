/**
 * AWS Lambda (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html): the runtime calls an exported
 * function with the invocation's event first. Through API Gateway or a function URL the event is the HTTP
 * request (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html: `body`,
 * `queryStringParameters`, `pathParameters`, `headers`, their multi-value forms, v2's `rawQueryString` and
 * `cookies`); from SQS and SNS it holds the messages (`Records[i].body`, `Records[i].Sns.Message`).
 * A typed event (`APIGatewayProxyEvent`, `SQSEvent` from @types/aws-lambda) or handler
 * (`export const handler: APIGatewayProxyHandler = async (event) => ...`) says so; an untyped exported
 * `(event[, context])` does only in a project whose package.json names Lambda tooling, or that a deployment
 * descriptor above it declares functions for (engine/project-manifests.ts).
 */
import type { LibraryModel } from '../concepts.js';
import type { RequestShape } from './request-shape.js';

const EVENT_TYPES = '{APIGatewayProxyEvent,APIGatewayProxyEventV2,APIGatewayEvent,APIGatewayProxyWithCognitoAuthorizerEvent,APIGatewayProxyEventV2WithJWTAuthorizer,ALBEvent,LambdaFunctionURLEvent,SQSEvent,SNSEvent}()';
const HANDLER_TYPES = '{Handler,APIGatewayProxyHandler,APIGatewayProxyHandlerV2,APIGatewayProxyWithCognitoAuthorizerHandler,ALBHandler,LambdaFunctionURLHandler,SQSHandler,SNSHandler}()';

export const awsLambdaTypes: LibraryModel = {
  name: 'aws-lambda',
  modules: ['aws-lambda'],
  docs: 'https://www.npmjs.com/package/@types/aws-lambda',
  rows: [
    { concept: 'request-type', path: EVENT_TYPES, request: 'lambda-event' },
    { concept: 'handler-type', path: HANDLER_TYPES, request: 'lambda-event', parameter: 0 },
  ],
};

/** Packages that make a project a Lambda project: types, frameworks and deployment tools that package handlers. */
export const LAMBDA_PROJECT_SIGNALS: readonly string[] = [
  '@types/aws-lambda',
  'aws-lambda',
  '@middy/core',
  'middy',
  'serverless',
  'serverless-offline',
  'aws-cdk-lib',
  '@aws-cdk/aws-lambda',
  '@aws-lambda-powertools/logger',
  '@aws-lambda-powertools/tracer',
  '@aws-lambda-powertools/metrics',
  '@netlify/functions',
  'claudia',
];

/** The untyped convention: an exported function `(event[, context[, callback]])`, its parameters named so. */
export const LAMBDA_PARAMETER_NAMES: readonly (readonly string[])[] = [
  ['event', 'evt'],
  ['context', 'ctx', '_context', 'lambdaContext'],
  ['callback', 'cb', 'done'],
];

export const lambdaEvent: RequestShape = {
  id: 'lambda-event',
  inputs: [
    { paths: ['body'], kind: 'body' },
    { paths: ['{queryStringParameters,multiValueQueryStringParameters,rawQueryString}'], kind: 'query', text: true },
    { paths: ['pathParameters'], kind: 'parameter', text: true },
    { paths: ['{headers,multiValueHeaders}'], kind: 'header', text: true },
    { paths: ['cookies'], kind: 'cookie', text: true },
    { paths: ['{path,rawPath}', 'requestContext.http.path'], kind: 'url', text: true },
    // SQS (`Records[i].body`, message attributes) and SNS (`Records[i].Sns.Message`): producers' messages.
    { paths: ['Records.**.{body,messageAttributes}', 'Records.**.Sns.{Message,Subject,MessageAttributes}'], kind: 'message' },
  ],
};
