import type { LibraryModel } from '../concepts.js';

/**
 * JWT verification middleware and strategies that take the key as an option: express-jwt
 * (`expressjwt({ secret, algorithms })`, a default export before v7), passport-jwt
 * (`new Strategy({ jwtFromRequest, secretOrKey }, verify)`). Both hand their options to jsonwebtoken's verify,
 * so without `algorithms` the token's header picks the algorithm. jwks-rsa makes the key lookups they take.
 */
export const expressJwt: LibraryModel = {
  name: 'express-jwt',
  modules: ['express-jwt'],
  docs: 'https://github.com/auth0/express-jwt#usage',
  rows: [
    { concept: 'secret-argument', path: 'expressjwt', argument: 0, property: 'secret', secret: 'signing-key' },
    { concept: 'secret-argument', path: '', argument: 0, property: 'secret', secret: 'signing-key' },
    ...['expressjwt', ''].map((path) => ({
      concept: 'jwt-verify' as const,
      path,
      keys: [{ argument: 0, property: 'secret' }],
      options: { argument: 0 },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: true,
    })),
  ],
};

export const passportJwt: LibraryModel = {
  name: 'passport-jwt',
  modules: ['passport-jwt'],
  docs: 'https://github.com/mikenicholson/passport-jwt#configure-strategy',
  rows: [
    { concept: 'secret-argument', path: 'Strategy', argument: 0, property: 'secretOrKey', secret: 'signing-key' },
    {
      concept: 'jwt-verify',
      path: 'Strategy',
      keys: [{ argument: 0, property: 'secretOrKey' }, { argument: 0, property: 'secretOrKeyProvider' }],
      options: { argument: 0 },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: true,
    },
  ],
};

export const jwksRsa: LibraryModel = {
  name: 'jwks-rsa',
  modules: ['jwks-rsa'],
  docs: 'https://github.com/auth0/node-jwks-rsa#usage',
  rows: [{ concept: 'jwt-key-set', path: '{expressJwtSecret,passportJwtSecret,koaJwtSecret}()' }],
};
