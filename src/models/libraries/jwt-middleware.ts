import type { LibraryModel } from '../concepts.js';

/**
 * JWT verification middleware and strategies that take the key as an option: express-jwt
 * (`expressjwt({ secret, algorithms })`, a default export before v7), passport-jwt
 * (`new Strategy({ jwtFromRequest, secretOrKey }, verify)`).
 */
export const expressJwt: LibraryModel = {
  name: 'express-jwt',
  modules: ['express-jwt'],
  docs: 'https://github.com/auth0/express-jwt#usage',
  rows: [
    { concept: 'secret-argument', path: 'expressjwt', argument: 0, property: 'secret', secret: 'signing-key' },
    { concept: 'secret-argument', path: '', argument: 0, property: 'secret', secret: 'signing-key' },
  ],
};

export const passportJwt: LibraryModel = {
  name: 'passport-jwt',
  modules: ['passport-jwt'],
  docs: 'https://github.com/mikenicholson/passport-jwt#configure-strategy',
  rows: [{ concept: 'secret-argument', path: 'Strategy', argument: 0, property: 'secretOrKey', secret: 'signing-key' }],
};
