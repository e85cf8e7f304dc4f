/**
 * Where clients, servers, drivers and agents take TLS settings. Node's own names (`rejectUnauthorized`,
 * `checkServerIdentity`, `minVersion`, `secureProtocol`) reach `tls.connect` from every library below, each
 * under its own option: `https` (got), `connect` (undici), `ssl` (pg, mysql2, TypeORM, kafkajs), `tls`
 * (ioredis, nodemailer), `dialectOptions.ssl` (Sequelize); MongoDB adds its own switches.
 */
import type { LibraryModel } from '../concepts.js';
import type { InsecureTlsFlag, TlsOptionsRow } from '../transport-concepts.js';

function clientRows(path: string, argument: number, property?: string): TlsOptionsRow[] {
  return [{ concept: 'tls-options', path, argument, checks: 'all', ...(property === undefined ? {} : { property }) }];
}

/** node:https and node:tls (https://nodejs.org/api/tls.html#tlsconnectoptions-callback, https://nodejs.org/api/https.html#httpsrequesturl-options-callback). */
export const nodeTls: LibraryModel = {
  name: 'node:tls',
  modules: ['tls', 'node:tls'],
  docs: 'https://nodejs.org/api/tls.html#tlsconnectoptions-callback',
  rows: [
    // tls.connect(options), tls.connect(port, options), tls.connect(port, host, options)
    ...clientRows('connect', 0),
    ...clientRows('connect', 1),
    ...clientRows('connect', 2),
    ...clientRows('TLSSocket', 1),
    { concept: 'tls-options', path: '{createServer,createSecureContext}', argument: 0, checks: 'versions' },
  ],
};

export const nodeHttps: LibraryModel = {
  name: 'node:https',
  modules: ['https', 'node:https'],
  docs: 'https://nodejs.org/api/https.html#httpsrequesturl-options-callback',
  rows: [
    // https.request(options) and https.request(url, options)
    ...clientRows('{request,get}', 0),
    ...clientRows('{request,get}', 1),
    ...clientRows('Agent', 0),
    { concept: 'tls-options', path: 'createServer', argument: 0, checks: 'versions' },
  ],
};

/** undici (https://undici.nodejs.org/#/docs/api/Client?id=parameter-connectoptions): TLS settings under `connect`. */
export const undiciTls: LibraryModel = {
  name: 'undici',
  modules: ['undici'],
  docs: 'https://undici.nodejs.org/#/docs/api/Agent?id=parameter-agentoptions',
  rows: [
    ...clientRows('Agent', 0, 'connect'),
    ...clientRows('{Client,Pool}', 1, 'connect'),
    ...clientRows('ProxyAgent', 0, 'requestTls'),
    ...clientRows('ProxyAgent', 0, 'proxyTls'),
    ...clientRows('buildConnector', 0),
  ],
};

/** got (https://github.com/sindresorhus/got/blob/main/documentation/5-https.md): TLS settings under `https`. */
export const gotTls: LibraryModel = {
  name: 'got',
  modules: ['got'],
  docs: 'https://github.com/sindresorhus/got/blob/main/documentation/5-https.md',
  rows: [...clientRows('', 1, 'https'), ...clientRows('{get,post,put,patch,delete,head,stream}', 1, 'https'), ...clientRows('extend', 0, 'https')],
};

/** https-proxy-agent v7 (https://github.com/TooTallNate/proxy-agents/tree/main/packages/https-proxy-agent): options go to tls.connect. */
export const httpsProxyAgent: LibraryModel = {
  name: 'https-proxy-agent',
  modules: ['https-proxy-agent'],
  docs: 'https://github.com/TooTallNate/proxy-agents/tree/main/packages/https-proxy-agent#api',
  rows: clientRows('HttpsProxyAgent', 1),
};

/** ws (https://github.com/websockets/ws/blob/master/doc/ws.md#new-websocketaddress-protocols-options): `new WebSocket(url, protocols?, options)`. */
export const wsTls: LibraryModel = {
  name: 'ws',
  modules: ['ws'],
  docs: 'https://github.com/websockets/ws/blob/master/doc/ws.md#new-websocketaddress-protocols-options',
  rows: [...clientRows('', 1), ...clientRows('', 2), ...clientRows('WebSocket', 1), ...clientRows('WebSocket', 2)],
};

/** pg (https://node-postgres.com/features/ssl) and mysql2 (https://sidorares.github.io/node-mysql2/docs/examples/connections/create-connection#createconnectionconfig-ssl): `ssl` options. */
export const databaseTls: LibraryModel = {
  name: 'pg',
  modules: ['pg', 'pg-pool'],
  docs: 'https://node-postgres.com/features/ssl',
  rows: clientRows('{Pool,Client}', 0, 'ssl'),
};

export const mysqlTls: LibraryModel = {
  name: 'mysql2',
  modules: ['mysql2', 'mysql2/promise', 'mysql'],
  docs: 'https://sidorares.github.io/node-mysql2/docs/examples/connections/create-connection',
  rows: clientRows('{createConnection,createPool}', 0, 'ssl'),
};

/** Sequelize hands `dialectOptions` to the driver (https://sequelize.org/docs/v6/other-topics/dialect-specific-things/). */
export const sequelizeTls: LibraryModel = {
  name: 'sequelize',
  modules: ['sequelize', 'sequelize-typescript', '@sequelize/core'],
  docs: 'https://sequelize.org/docs/v6/other-topics/dialect-specific-things/',
  // new Sequelize(options), new Sequelize(url, options), new Sequelize(database, user, password, options)
  rows: [...clientRows('Sequelize', 0, 'dialectOptions.ssl'), ...clientRows('Sequelize', 1, 'dialectOptions.ssl'), ...clientRows('Sequelize', 3, 'dialectOptions.ssl')],
};

/** TypeORM (https://typeorm.io/docs/data-source/data-source-options#postgres--cockroachdb-data-source-options): `ssl`, also through @nestjs/typeorm. */
export const typeormTls: LibraryModel = {
  name: 'typeorm',
  modules: ['typeorm'],
  docs: 'https://typeorm.io/docs/data-source/data-source-options',
  rows: [...clientRows('DataSource', 0, 'ssl'), ...clientRows('DataSource', 0, 'extra.ssl')],
};

export const nestTypeormTls: LibraryModel = {
  name: '@nestjs/typeorm',
  modules: ['@nestjs/typeorm'],
  docs: 'https://docs.nestjs.com/techniques/database',
  rows: clientRows('TypeOrmModule.forRoot', 0, 'ssl'),
};

/** The MongoDB driver's own switches (https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/tls/). */
const MONGO_FLAGS: readonly InsecureTlsFlag[] = [
  { option: 'tlsAllowInvalidCertificates', insecure: true },
  { option: 'tlsAllowInvalidHostnames', insecure: true },
  { option: 'tlsInsecure', insecure: true },
  { option: 'sslValidate', insecure: false },
];

export const mongoTls: LibraryModel = {
  name: 'mongodb',
  modules: ['mongodb'],
  docs: 'https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/tls/',
  rows: [
    { concept: 'tls-options', path: 'MongoClient', argument: 1, checks: 'all', insecureFlags: MONGO_FLAGS },
    { concept: 'tls-options', path: 'MongoClient.connect', argument: 1, checks: 'all', insecureFlags: MONGO_FLAGS },
  ],
};

export const mongooseTls: LibraryModel = {
  name: 'mongoose',
  modules: ['mongoose'],
  docs: 'https://mongoosejs.com/docs/connections.html#options',
  rows: [{ concept: 'tls-options', path: '{connect,createConnection}', argument: 1, checks: 'all', insecureFlags: MONGO_FLAGS }],
};

/** ioredis (https://github.com/redis/ioredis#tls-options): `new Redis(options)`, `new Redis(url, options)`, `new Redis(port, host, options)`. */
export const ioredisTls: LibraryModel = {
  name: 'ioredis',
  modules: ['ioredis'],
  docs: 'https://github.com/redis/ioredis#tls-options',
  rows: [...clientRows('', 0, 'tls'), ...clientRows('', 1, 'tls'), ...clientRows('', 2, 'tls'), ...clientRows('Redis', 0, 'tls'), ...clientRows('Redis', 1, 'tls')],
};

/** node-redis v4+ (https://github.com/redis/node-redis/blob/master/docs/client-configuration.md): TLS settings beside `tls: true` under `socket`. */
export const redisTls: LibraryModel = {
  name: 'redis',
  modules: ['redis', '@redis/client'],
  docs: 'https://github.com/redis/node-redis/blob/master/docs/client-configuration.md',
  rows: clientRows('createClient', 0, 'socket'),
};

/** nodemailer SMTP (https://nodemailer.com/smtp/#tls-options): `createTransport({ tls })`. */
export const nodemailerTls: LibraryModel = {
  name: 'nodemailer',
  modules: ['nodemailer'],
  docs: 'https://nodemailer.com/smtp/#tls-options',
  rows: clientRows('createTransport', 0, 'tls'),
};

/** kafkajs (https://kafka.js.org/docs/configuration#ssl): `new Kafka({ ssl })`. */
export const kafkajsTls: LibraryModel = {
  name: 'kafkajs',
  modules: ['kafkajs'],
  docs: 'https://kafka.js.org/docs/configuration#ssl',
  rows: clientRows('Kafka', 0, 'ssl'),
};

export const TLS_OPTION_MODELS: readonly LibraryModel[] = [
  nodeTls,
  nodeHttps,
  undiciTls,
  gotTls,
  httpsProxyAgent,
  wsTls,
  databaseTls,
  mysqlTls,
  sequelizeTls,
  typeormTls,
  nestTypeormTls,
  mongoTls,
  mongooseTls,
  ioredisTls,
  redisTls,
  nodemailerTls,
  kafkajsTls,
];
