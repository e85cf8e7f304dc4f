import type { LibraryModel } from '../concepts.js';

/**
 * fast-jwt: `createSigner({ key, algorithm, expiresIn })` returns `sign(payload)`; `createVerifier({ key,
 * algorithms, ignoreExpiration })` returns `verify(token)`; `createDecoder()` returns `decode(token)`, which
 * checks nothing. The algorithm is detected from the key's type when `algorithms` is left out.
 */
export const fastJwt: LibraryModel = {
  name: 'fast-jwt',
  modules: ['fast-jwt'],
  docs: 'https://github.com/nearform/fast-jwt#usage',
  rows: [
    { concept: 'secret-argument', path: '{createSigner,createVerifier}', argument: 0, property: 'key', secret: 'signing-key' },
    { concept: 'jwt-sign', path: 'createSigner', key: { argument: 0, property: 'key' }, options: { argument: 0 }, expiry: { option: 'expiresIn' }, algorithmOption: 'algorithm' },
    { concept: 'jwt-sign', path: 'createSigner()', payload: 0, expiry: null },
    {
      concept: 'jwt-verify',
      path: 'createVerifier',
      keys: [{ argument: 0, property: 'key' }],
      options: { argument: 0 },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: false,
    },
    { concept: 'jwt-decode', path: 'createDecoder()', argument: 0 },
  ],
};
