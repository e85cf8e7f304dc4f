import type { LibraryModel } from '../concepts.js';

/**
 * jsonwebtoken: `sign(payload, secretOrPrivateKey, options)` and `verify(token, secretOrPublicKey, options)`.
 * With HS* algorithms the second argument is the shared secret that mints and checks every token.
 */
export const jsonwebtoken: LibraryModel = {
  name: 'jsonwebtoken',
  modules: ['jsonwebtoken'],
  docs: 'https://github.com/auth0/node-jsonwebtoken#usage',
  rows: [{ concept: 'secret-argument', path: '{sign,verify}', argument: 1, secret: 'signing-key' }],
};
