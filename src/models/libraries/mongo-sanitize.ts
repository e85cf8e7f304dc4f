import type { LibraryModel } from '../concepts.js';

/**
 * express-mongo-sanitize: `app.use(mongoSanitize())` removes keys that start with `$` or contain `.` from
 * `req.body`, `req.query`, `req.params` and `req.headers` before later middleware and handlers run, so request
 * objects can no longer smuggle query operators (https://github.com/fiznool/express-mongo-sanitize#usage).
 * It cleans operator injection only: `$where` code built from a string is still code.
 */
export const expressMongoSanitize: LibraryModel = {
  name: 'express-mongo-sanitize',
  modules: ['express-mongo-sanitize'],
  docs: 'https://github.com/fiznool/express-mongo-sanitize#usage',
  rows: [{ concept: 'request-sanitizer', path: '()', kinds: ['nosql-object'] }],
};
