/**
 * Body parsers and upload middleware, and the size limits they read. Defaults are the libraries' documented
 * ones: body-parser and Express's parsers 100 kB (https://github.com/expressjs/body-parser#limit),
 * koa-bodyparser 1 MB JSON/text and 56 kB forms (https://github.com/koajs/bodyparser#options), koa-body's
 * formidable 200 MB per file (https://github.com/koajs/koa-body#options), Fastify 1 MiB
 * (https://fastify.dev/docs/latest/Reference/Server/#bodylimit); multer and express-fileupload have no file size
 * limit at all unless one is set (https://github.com/expressjs/multer#limits,
 * https://github.com/richardgirges/express-fileupload#available-options).
 */
import type { LibraryModel } from '../concepts.js';
import type { SizeOption } from '../limit-concepts.js';

const KB = 1024;
const MB = 1024 * KB;

const BODY_PARSER: readonly SizeOption[] = [{ option: 'limit', body: 'parsed', defaultBytes: 100 * KB }];
const RAW_PARSER: readonly SizeOption[] = [{ option: 'limit', body: 'bytes', defaultBytes: 100 * KB }];

export const expressBodyParsers: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/api.html#express.json',
  rows: [
    { concept: 'body-limit', path: '{json,urlencoded,text}', argument: 0, sizes: BODY_PARSER },
    { concept: 'body-limit', path: 'raw', argument: 0, sizes: RAW_PARSER },
  ],
};

export const bodyParser: LibraryModel = {
  name: 'body-parser',
  modules: ['body-parser'],
  docs: 'https://github.com/expressjs/body-parser#limit',
  rows: [
    { concept: 'body-limit', path: '{json,urlencoded,text}', argument: 0, sizes: BODY_PARSER },
    { concept: 'body-limit', path: 'raw', argument: 0, sizes: RAW_PARSER },
  ],
};

export const koaBodyParsers: LibraryModel = {
  name: 'koa-bodyparser',
  modules: ['koa-bodyparser'],
  docs: 'https://github.com/koajs/bodyparser#options',
  rows: [
    {
      concept: 'body-limit',
      path: '',
      argument: 0,
      sizes: [
        { option: 'jsonLimit', body: 'parsed', defaultBytes: MB },
        { option: 'formLimit', body: 'parsed', defaultBytes: 56 * KB },
        { option: 'textLimit', body: 'parsed', defaultBytes: MB },
      ],
    },
  ],
};

export const koaBody: LibraryModel = {
  name: 'koa-body',
  modules: ['koa-body'],
  docs: 'https://github.com/koajs/koa-body#options',
  rows: [
    {
      concept: 'body-limit',
      path: 'koaBody',
      argument: 0,
      sizes: [
        { option: 'jsonLimit', body: 'parsed', defaultBytes: MB },
        { option: 'formLimit', body: 'parsed', defaultBytes: 56 * KB },
        { option: 'textLimit', body: 'parsed', defaultBytes: 56 * KB },
        { option: 'formidable.maxFileSize', body: 'bytes', defaultBytes: 200 * MB },
      ],
    },
  ],
};

export const fastifyBodyLimit: LibraryModel = {
  name: 'fastify',
  modules: ['fastify'],
  docs: 'https://fastify.dev/docs/latest/Reference/Server/#bodylimit',
  rows: [{ concept: 'body-limit', path: '', argument: 0, sizes: [{ option: 'bodyLimit', body: 'parsed', defaultBytes: MB }] }],
};

export const multer: LibraryModel = {
  name: 'multer',
  modules: ['multer'],
  docs: 'https://github.com/expressjs/multer#limits',
  rows: [
    { concept: 'body-limit', path: '', argument: 0, sizes: [{ option: 'limits.fileSize', body: 'bytes', defaultBytes: null }] },
    { concept: 'upload-storage', path: 'diskStorage', argument: 0, destination: 'destination', filename: 'filename' },
  ],
};

export const expressFileUpload: LibraryModel = {
  name: 'express-fileupload',
  modules: ['express-fileupload'],
  docs: 'https://github.com/richardgirges/express-fileupload#available-options',
  rows: [{ concept: 'body-limit', path: '', argument: 0, sizes: [{ option: 'limits.fileSize', body: 'bytes', defaultBytes: null }] }],
};

/** ajv: `allErrors: true` keeps validating after the first error (https://ajv.js.org/security.html#security-risks-of-trusted-schemas). */
export const ajvOptions: LibraryModel = {
  name: 'ajv',
  modules: ['ajv', 'ajv/dist/2019', 'ajv/dist/2020'],
  docs: 'https://ajv.js.org/options.html#allerrors',
  rows: [{ concept: 'schema-validator-options', path: '', argument: 0 }],
};

export const BODY_LIMIT_MODELS: readonly LibraryModel[] = [expressBodyParsers, bodyParser, koaBodyParsers, koaBody, fastifyBodyLimit, multer, expressFileUpload, ajvOptions];
