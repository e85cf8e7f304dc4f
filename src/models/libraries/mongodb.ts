import type { LibraryModel } from '../concepts.js';

/**
 * MongoDB driver: `new MongoClient(uri, options)` and `MongoClient.connect(uri, options)`. The password sits in
 * the URI's userinfo or in `options.auth.password`.
 */
export const mongodb: LibraryModel = {
  name: 'mongodb',
  modules: ['mongodb'],
  docs: 'https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/connect/',
  rows: [
    { concept: 'secret-argument', path: 'MongoClient', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: 'MongoClient.connect', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: 'MongoClient', argument: 1, property: 'auth.password', secret: 'password' },
  ],
};
