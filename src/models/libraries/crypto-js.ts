import type { LibraryModel } from '../concepts.js';
import type { CryptoRow } from '../crypto-concepts.js';

/** crypto-js ciphers in Node's cipher vocabulary; `Rabbit` has no OpenSSL name and is left unjudged. */
const CIPHER_NAMES = { AES: 'aes', DES: 'des', TripleDES: 'des-ede3', RC4: 'rc4', RC4Drop: 'rc4', Blowfish: 'bf', Rabbit: 'rabbit', RabbitLegacy: 'rabbit' } as const;
const CIPHERS = `{${Object.keys(CIPHER_NAMES).join(',')}}`;
const WEAK_DIGESTS = { MD5: 'md5', SHA1: 'sha1' } as const;
const WEAK_HMACS = { HmacMD5: 'md5', HmacSHA1: 'sha1' } as const;

/**
 * https://cryptojs.gitbook.io/docs/#ciphers: `CryptoJS.AES.encrypt(message, key, { iv, mode })` (CBC unless
 * `mode` says otherwise; a string key is a passphrase run through one MD5 round), `CryptoJS.mode.ECB`,
 * `lib.WordArray.random(nBytes)`, and the MD5/SHA-1 digests and HMACs.
 */
const cryptoJsRows: readonly CryptoRow[] = [
  ...(['encrypt', 'decrypt'] as const).map((direction): CryptoRow => ({
    concept: 'cipher',
    path: `${CIPHERS}.${direction}`,
    direction,
    algorithm: { step: 0, names: CIPHER_NAMES },
    key: { argument: 1 },
    iv: { argument: 2, property: 'iv' },
    mode: { argument: 2, property: 'mode' },
    defaultMode: 'cbc',
  })),
  { concept: 'cipher-mode', path: 'mode.ECB', mode: 'ecb' },
  { concept: 'byte-encoding', path: 'enc.{Hex,Utf8,Latin1,Base64}.parse', argument: 0 },
  { concept: 'key-material', path: 'lib.WordArray.random', source: 'random', length: { argument: 0, unit: 'bytes' } },
  { concept: 'digest-algorithm', path: '{MD5,SHA1}', use: 'hash', algorithm: { step: 0, names: WEAK_DIGESTS }, input: 0 },
  { concept: 'digest-algorithm', path: '{HmacMD5,HmacSHA1}', use: 'hmac', algorithm: { step: 0, names: WEAK_HMACS }, input: 0, key: { argument: 1 } },
  { concept: 'digest-algorithm', path: 'algo.{MD5,SHA1}.create', use: 'hash', algorithm: { step: 1, names: WEAK_DIGESTS } },
];

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
    ...cryptoJsRows,
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

/** The MD5 and SHA-1 functions of digest packages and crypto-js modules, whose export is the function. */
export const md5Functions: LibraryModel = {
  name: 'md5',
  modules: ['md5', 'blueimp-md5', 'js-md5', 'crypto-js/md5'],
  docs: 'https://github.com/pvorb/node-md5#usage',
  rows: [{ concept: 'digest-algorithm', path: '', use: 'hash', algorithm: { named: 'md5' }, input: 0 }],
};

export const sha1Functions: LibraryModel = {
  name: 'sha1',
  modules: ['sha1', 'js-sha1', 'crypto-js/sha1'],
  docs: 'https://github.com/emn178/js-sha1#usage',
  rows: [{ concept: 'digest-algorithm', path: '', use: 'hash', algorithm: { named: 'sha1' }, input: 0 }],
};
