import type { LibraryModel } from '../concepts.js';

/**
 * Session and cookie middleware signing secrets. express-session: `session({ secret })` signs the session ID
 * cookie (a string or an array, newest first). cookie-parser: `cookieParser(secret)` signs cookies.
 * cookie-session: `cookieSession({ keys, secret })` signs the whole session cookie. Whoever knows the secret
 * forges any session.
 */
export const expressSession: LibraryModel = {
  name: 'express-session',
  modules: ['express-session'],
  docs: 'https://github.com/expressjs/session#secret',
  // An empty path is the module itself: `session({...})`.
  rows: [{ concept: 'secret-argument', path: '', argument: 0, property: 'secret', secret: 'signing-key' }],
};

export const cookieParser: LibraryModel = {
  name: 'cookie-parser',
  modules: ['cookie-parser'],
  docs: 'https://github.com/expressjs/cookie-parser#cookieparsersecret-options',
  rows: [{ concept: 'secret-argument', path: '', argument: 0, secret: 'signing-key' }],
};

export const cookieSession: LibraryModel = {
  name: 'cookie-session',
  modules: ['cookie-session'],
  docs: 'https://github.com/expressjs/cookie-session#options',
  rows: [
    { concept: 'secret-argument', path: '', argument: 0, property: 'keys', secret: 'signing-key' },
    { concept: 'secret-argument', path: '', argument: 0, property: 'secret', secret: 'signing-key' },
  ],
};
