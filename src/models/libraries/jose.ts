import type { LibraryModel } from '../concepts.js';

/** The SignJWT builder's setters, each returning the builder (jose docs, class SignJWT). */
const SIGN_JWT_SETTERS = ['setProtectedHeader', 'setIssuer', 'setSubject', 'setAudience', 'setJti', 'setNotBefore', 'setIssuedAt', 'setExpirationTime'];

/**
 * jose: `new SignJWT(payload)...sign(key)` and `jwtVerify(jwt, key)`; `new EncryptJWT(payload)...encrypt(key)`
 * and `jwtDecrypt(jwt, key)`. A symmetric key is a Uint8Array, usually `new TextEncoder().encode(secret)`.
 * jose ties the accepted algorithm to the key's type and never accepts `none` in jwtVerify; `decodeJwt` checks
 * nothing.
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
    { concept: 'jwt-sign', path: 'SignJWT', payload: 0, expiry: { method: 'setExpirationTime', builderMethods: SIGN_JWT_SETTERS } },
    { concept: 'jwt-verify', path: 'jwtVerify', keys: [{ argument: 1 }], options: { argument: 2 }, algorithmsOption: 'algorithms', headerPicksAlgorithm: false },
    { concept: 'jwt-decode', path: 'decodeJwt', argument: 0 },
  ],
};
