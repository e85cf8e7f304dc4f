import type { LibraryModel } from '../concepts.js';

/**
 * jose: `new SignJWT(payload)...sign(key)` and `jwtVerify(jwt, key)`; `new EncryptJWT(payload)...encrypt(key)`
 * and `jwtDecrypt(jwt, key)`. A symmetric key is a Uint8Array, usually `new TextEncoder().encode(secret)`.
 */
export const jose: LibraryModel = {
  name: 'jose',
  modules: ['jose'],
  docs: 'https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md',
  rows: [
    { concept: 'secret-argument', path: '{SignJWT,CompactSign,FlattenedSign}().**.sign', argument: 0, secret: 'signing-key' },
    { concept: 'secret-argument', path: '{jwtVerify,compactVerify,flattenedVerify}', argument: 1, secret: 'signing-key' },
    { concept: 'secret-argument', path: 'EncryptJWT().**.encrypt', argument: 0, secret: 'encryption-key' },
    { concept: 'secret-argument', path: 'jwtDecrypt', argument: 1, secret: 'encryption-key' },
  ],
};
