import type { LibraryModel } from '../concepts.js';
import { MONGO_FILTER_METHODS, MONGO_LITERAL_KEYS } from './mongo-query.js';

/**
 * MongoDB driver: `new MongoClient(uri, options)` and `MongoClient.connect(uri, options)`. The password sits in
 * the URI's userinfo or in `options.auth.password`. Collections run query documents (nosql-injection).
 */
/** A collection: a `collection()` on a client's database (however reached), or a value typed `Collection`. */
const COLLECTIONS = ['**.collection()', 'Collection()'] as const;

export const mongodb: LibraryModel = {
  name: 'mongodb',
  modules: ['mongodb'],
  docs: 'https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/connect/',
  rows: [
    { concept: 'secret-argument', path: 'MongoClient', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: 'MongoClient.connect', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: 'MongoClient', argument: 1, property: 'auth.password', secret: 'password' },
    // Query documents (nosql-injection): filters, `distinct`'s filter, aggregation pipelines; `$where` and `mapReduce` run code.
    ...COLLECTIONS.flatMap((collection) => [
      { concept: 'nosql-query', path: `${collection}.${MONGO_FILTER_METHODS}`, argument: 0, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-query', path: `${collection}.distinct`, argument: 1, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-query', path: `${collection}.aggregate`, argument: 0, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-code', path: `${collection}.${MONGO_FILTER_METHODS}`, argument: 0, property: '$where' },
      { concept: 'nosql-code', path: `${collection}.mapReduce`, argument: 0 },
      { concept: 'nosql-code', path: `${collection}.mapReduce`, argument: 1 },
    ] as const),
  ],
};
