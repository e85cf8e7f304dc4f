import type { LibraryModel } from '../concepts.js';

/**
 * jsonwebtoken: `sign(payload, secretOrPrivateKey, options)` and `verify(token, secretOrPublicKey, options)`.
 * With HS* algorithms the second argument is the shared secret that mints and checks every token. Without
 * `options.algorithms`, verify derives the allowed algorithms from the key, and before v9 from the key's text,
 * so a public key read as a string could check an HS256 token (CVE-2022-23541). `decode` checks nothing.
 */
export const jsonwebtoken: LibraryModel = {
  name: 'jsonwebtoken',
  modules: ['jsonwebtoken'],
  docs: 'https://github.com/auth0/node-jsonwebtoken#usage',
  rows: [
    { concept: 'secret-argument', path: '{sign,verify}', argument: 1, secret: 'signing-key' },
    { concept: 'jwt-sign', path: 'sign', payload: 0, key: { argument: 1 }, options: { argument: 2 }, expiry: { option: 'expiresIn' }, algorithmOption: 'algorithm' },
    {
      concept: 'jwt-verify',
      path: 'verify',
      keys: [{ argument: 1 }],
      options: { argument: 2 },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: true,
    },
    { concept: 'jwt-decode', path: 'decode', argument: 0 },
  ],
};
