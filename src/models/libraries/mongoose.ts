import type { LibraryModel } from '../concepts.js';

/**
 * Mongoose: `connect(uri, options)` and `createConnection(uri, options)`. The URI may embed the password
 * (`mongodb://user:pass@host/db`); options may carry it as `pass`.
 */
export const mongoose: LibraryModel = {
  name: 'mongoose',
  modules: ['mongoose'],
  docs: 'https://mongoosejs.com/docs/connections.html#options',
  rows: [
    { concept: 'secret-argument', path: '{connect,createConnection}', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: '{connect,createConnection}', argument: 1, property: 'pass', secret: 'password' },
  ],
};
