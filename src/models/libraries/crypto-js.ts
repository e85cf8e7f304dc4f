import type { LibraryModel } from '../concepts.js';

const DIGESTS = '{MD5,SHA1,SHA224,SHA256,SHA384,SHA512,SHA3,RIPEMD160}';
const HMACS = '{HmacMD5,HmacSHA1,HmacSHA224,HmacSHA256,HmacSHA384,HmacSHA512,HmacSHA3,HmacRIPEMD160}';

/**
 * crypto-js: `CryptoJS.SHA256(message)`, `HmacSHA256(message, key)` and the progressive
 * `algo.SHA256.create().update(message)` are fast digests; `PBKDF2(password, salt, { iterations })` is a KDF
 * (its default was 1 iteration of SHA-1 before 4.2.0, so only an explicit count is judged).
 */
export const cryptoJs: LibraryModel = {
  name: 'crypto-js',
  modules: ['crypto-js'],
  docs: 'https://cryptojs.gitbook.io/docs/#hashing',
  rows: [
    { concept: 'fast-hash', path: DIGESTS, argument: 0 },
    { concept: 'fast-hash', path: HMACS, argument: 0 },
    { concept: 'fast-hash', path: `algo.${DIGESTS}.create().**.update`, argument: 0 },
    {
      concept: 'password-hash',
      path: 'PBKDF2',
      argument: 0,
      algorithm: 'pbkdf2',
      workFactors: [{ parameter: 'pbkdf2-iterations', argument: 2, property: 'iterations' }],
    },
  ],
};

/** crypto-js's per-algorithm modules (`import sha256 from 'crypto-js/sha256'`): the module is the function. */
export const cryptoJsDigestModules: LibraryModel = {
  name: 'crypto-js',
  modules: ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3', 'ripemd160'].flatMap((name) => [`crypto-js/${name}`, `crypto-js/hmac-${name}`]),
  docs: 'https://cryptojs.gitbook.io/docs/#hashing',
  // The empty path is the module itself: a call to the default export.
  rows: [{ concept: 'fast-hash', path: '', argument: 0 }],
};
