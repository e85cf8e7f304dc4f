import type { LibraryModel } from '../concepts.js';

/**
 * AWS SDK for JavaScript v2: service constructors and `AWS.config.update` take `{ accessKeyId,
 * secretAccessKey }`; `new AWS.Credentials(accessKeyId, secretAccessKey)` takes them positionally.
 * The access key ID alone is an identifier, and a literal one is found by its format (`AKIA...`).
 */
export const awsSdkV2: LibraryModel = {
  name: 'aws-sdk',
  modules: ['aws-sdk'],
  docs: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/AWS/Config.html#constructor-property',
  rows: [
    // `*`: any service class (`new AWS.S3(...)`, `new AWS.DynamoDB(...)`) and `new AWS.Credentials({...})`.
    { concept: 'secret-argument', path: '*', argument: 0, property: 'secretAccessKey', secret: 'access-key' },
    { concept: 'secret-argument', path: 'config.update', argument: 0, property: 'secretAccessKey', secret: 'access-key' },
    { concept: 'secret-argument', path: 'Credentials', argument: 1, secret: 'access-key' },
  ],
};

/**
 * AWS SDK v3: every client constructor takes `{ credentials: { accessKeyId, secretAccessKey } }`. Clients
 * live in one package per service; these are the ones backends import most.
 */
export const awsSdkV3: LibraryModel = {
  name: '@aws-sdk',
  modules: [
    '@aws-sdk/client-s3',
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-sqs',
    '@aws-sdk/client-sns',
    '@aws-sdk/client-ses',
    '@aws-sdk/client-sesv2',
    '@aws-sdk/client-lambda',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-ssm',
    '@aws-sdk/client-sts',
    '@aws-sdk/client-kms',
    '@aws-sdk/client-cognito-identity-provider',
    '@aws-sdk/client-bedrock-runtime',
  ],
  docs: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-types/Interface/AwsCredentialIdentity/',
  // `*`: any `new XxxClient({...})`; commands take no credentials, so they never hold a value there.
  rows: [{ concept: 'secret-argument', path: '*', argument: 0, property: 'credentials.secretAccessKey', secret: 'access-key' }],
};
