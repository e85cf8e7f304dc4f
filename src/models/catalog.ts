/** Every library and framework model rampart knows. Adding a library is a model file plus a line here. */
import type { LibraryModel } from './concepts.js';
import { argon2, nodeRsArgon2 } from './libraries/argon2.js';
import { bcrypt } from './libraries/bcrypt.js';
import { cryptoJs, cryptoJsDigestModules, md5Functions, sha1Functions } from './libraries/crypto-js.js';
import { nodeForge } from './libraries/node-forge.js';
import { nodeRsa } from './libraries/node-rsa.js';
import { nonSecureIds, uuidTimeBased, uuidV1Module } from './libraries/predictable-values.js';
import { nodeCrypto } from './libraries/node-crypto.js';
import { standaloneDigests } from './libraries/standalone-digests.js';
import { knex, objection } from './libraries/knex.js';
import { pgPromise } from './libraries/pg-promise.js';
import { drizzle, kysely, mikroOrm, mssql, oracledb, postgresJs, slonik, slonikSqlTagRaw } from './libraries/sql-clients.js';
import { mysql } from './libraries/mysql.js';
import { mysql2 } from './libraries/mysql2.js';
import { pg } from './libraries/pg.js';
import { prisma } from './libraries/prisma.js';
import { sequelize } from './libraries/sequelize.js';
import { betterSqlite3, sqlite, sqlite3 } from './libraries/sqlite.js';
import { pgFormat, sqlstring } from './libraries/sqlstring.js';
import { typeorm } from './libraries/typeorm.js';
import { awsSdkV2, awsSdkV3 } from './libraries/aws-sdk.js';
import { cookieParser, cookieSession, expressSession } from './libraries/express-session.js';
import { jose } from './libraries/jose.js';
import { fastJwt } from './libraries/fast-jwt.js';
import { cookieSessionCookies, cookieWrites, expressSessionCookies, fastifyCookieWrites, fastifySession, koaCookieWrites, koaSession } from './libraries/session-cookies.js';
import { jsonwebtoken } from './libraries/jsonwebtoken.js';
import { mongodb } from './libraries/mongodb.js';
import { mongoose } from './libraries/mongoose.js';
import { nodemailer } from './libraries/nodemailer.js';
import { openai } from './libraries/openai.js';
import { sendgrid } from './libraries/sendgrid.js';
import { stripe } from './libraries/stripe.js';
import { twilio } from './libraries/twilio.js';
import { expressJwt, jwksRsa, passportJwt } from './libraries/jwt-middleware.js';
import { nestJwt, nestMongoose, nestSequelize, nestTypeorm } from './libraries/nestjs-modules.js';
import { TAINT_MODELS } from './taint-catalog.js';
import { TLS_OPTION_MODELS } from './libraries/tls-options.js';
import { CORS_MODELS } from './libraries/cors.js';
import { RESPONSE_BODY_MODELS } from './libraries/response-bodies.js';
import { PATTERN_VALIDATOR_MODELS } from './libraries/pattern-validators.js';
import { BODY_LIMIT_MODELS } from './libraries/body-limits.js';
import { expressFramework } from './frameworks/express.js';
import { fastifyAutoload, fastifyFramework, fastifyPlugin } from './frameworks/fastify.js';
import { honoFramework, honoSecureHeaders } from './frameworks/hono.js';
import { koaFramework, koaRouter } from './frameworks/koa.js';
import { nestFramework } from './frameworks/nestjs.js';
import { nestSwagger, sentryNode, supertest } from './libraries/app-readers.js';
import { expressStatic, fastifyStatic, serveStatic } from './libraries/static-files.js';
import { fastifyHelmet, helmet, koaHelmet } from './libraries/helmet.js';
import { honoNodeServer, nodeHttpServe, serverlessHttp } from './libraries/node-http-serve.js';
import {
  expressRateLimit,
  expressSlowDown,
  fastifyRateLimit,
  fastifyRateLimitDecorator,
  honoRateLimiter,
  koaRatelimit,
  nestThrottler,
  rateLimiterFlexible,
} from './libraries/rate-limiters.js';

export const LIBRARY_MODELS: readonly LibraryModel[] = [
  pg,
  mysql,
  mysql2,
  betterSqlite3,
  sqlite3,
  sqlite,
  knex,
  objection,
  pgPromise,
  mssql,
  oracledb,
  postgresJs,
  slonik,
  slonikSqlTagRaw,
  drizzle,
  kysely,
  mikroOrm,
  sequelize,
  typeorm,
  prisma,
  sqlstring,
  pgFormat,
  nodeCrypto,
  cryptoJs,
  cryptoJsDigestModules,
  standaloneDigests,
  md5Functions,
  sha1Functions,
  nodeForge,
  nodeRsa,
  uuidTimeBased,
  uuidV1Module,
  nonSecureIds,
  bcrypt,
  argon2,
  nodeRsArgon2,
  jsonwebtoken,
  jose,
  fastJwt,
  jwksRsa,
  cookieWrites,
  fastifyCookieWrites,
  koaCookieWrites,
  expressSessionCookies,
  cookieSessionCookies,
  koaSession,
  fastifySession,
  expressSession,
  cookieParser,
  cookieSession,
  mongoose,
  mongodb,
  awsSdkV2,
  awsSdkV3,
  stripe,
  twilio,
  sendgrid,
  openai,
  nodemailer,
  expressJwt,
  passportJwt,
  nestJwt,
  nestTypeorm,
  nestMongoose,
  nestSequelize,
  ...TAINT_MODELS,
  ...TLS_OPTION_MODELS,
  ...CORS_MODELS,
  ...RESPONSE_BODY_MODELS,
  ...PATTERN_VALIDATOR_MODELS,
  ...BODY_LIMIT_MODELS,
  // web frameworks and their security middleware (analysis/http-apps reads these)
  expressFramework,
  fastifyFramework,
  fastifyPlugin,
  fastifyAutoload,
  koaFramework,
  koaRouter,
  nestFramework,
  honoFramework,
  honoSecureHeaders,
  helmet,
  koaHelmet,
  fastifyHelmet,
  expressRateLimit,
  expressSlowDown,
  rateLimiterFlexible,
  fastifyRateLimit,
  fastifyRateLimitDecorator,
  nestThrottler,
  koaRatelimit,
  honoRateLimiter,
  nodeHttpServe,
  honoNodeServer,
  serverlessHttp,
  nestSwagger,
  supertest,
  sentryNode,
  expressStatic,
  serveStatic,
  fastifyStatic,
];
