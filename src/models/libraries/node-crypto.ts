import type { LibraryModel } from '../concepts.js';
import type { CryptoRow } from '../crypto-concepts.js';

/** https://nodejs.org/api/crypto.html: ciphers, key generation, key material, digest algorithms. */
const cryptoRows: readonly CryptoRow[] = [
  { concept: 'cipher', path: 'createCipheriv', direction: 'encrypt', algorithm: { argument: 0 }, key: { argument: 1 }, iv: { argument: 2 } },
  { concept: 'cipher', path: 'createDecipheriv', direction: 'decrypt', algorithm: { argument: 0 }, key: { argument: 1 }, iv: { argument: 2 } },
  { concept: 'cipher', path: 'createCipher', direction: 'encrypt', algorithm: { argument: 0 }, iv: 'derived' },
  { concept: 'cipher', path: 'createDecipher', direction: 'decrypt', algorithm: { argument: 0 }, iv: 'derived' },
  {
    concept: 'key-generation',
    path: '{generateKeyPair,generateKeyPairSync}',
    keyType: { argument: 0 },
    settings: [
      { parameter: 'modulus-bits', argument: 1, property: 'modulusLength' },
      { parameter: 'curve', argument: 1, property: 'namedCurve' },
      { parameter: 'dh-prime-bits', argument: 1, property: 'primeLength' },
      { parameter: 'dh-group', argument: 1, property: 'group' },
    ],
  },
  { concept: 'key-generation', path: '{generateKey,generateKeySync}', keyType: { argument: 0 }, settings: [{ parameter: 'symmetric-bits', argument: 1, property: 'length' }] },
  { concept: 'key-generation', path: 'createECDH', keyType: { named: 'ec' }, settings: [{ parameter: 'curve', argument: 0 }] },
  { concept: 'key-generation', path: 'createDiffieHellman', keyType: { named: 'dh' }, settings: [{ parameter: 'dh-prime-bits', argument: 0 }] },
  { concept: 'key-generation', path: '{getDiffieHellman,createDiffieHellmanGroup}', keyType: { named: 'dh' }, settings: [{ parameter: 'dh-group', argument: 0 }] },
  { concept: 'key-material', path: 'randomBytes', source: 'random', length: { argument: 0, unit: 'bytes' } },
  { concept: 'key-material', path: '{scrypt,scryptSync}', argument: 0, source: 'derived', length: { argument: 2, unit: 'bytes' } },
  { concept: 'key-material', path: '{pbkdf2,pbkdf2Sync}', argument: 0, source: 'derived', length: { argument: 3, unit: 'bytes' } },
  { concept: 'key-material', path: '{hkdf,hkdfSync}', argument: 1, source: 'derived', length: { argument: 4, unit: 'bytes' } },
  { concept: 'digest-algorithm', path: 'createHash', use: 'hash', algorithm: { argument: 0 } },
  { concept: 'digest-algorithm', path: 'createHmac', use: 'hmac', algorithm: { argument: 0 }, key: { argument: 1 } },
  { concept: 'digest-algorithm', path: 'hash', use: 'hash', algorithm: { argument: 0 }, input: 1 },
  { concept: 'digest-algorithm', path: '{createSign,createVerify}', use: 'signature', algorithm: { argument: 0 } },
  { concept: 'digest-algorithm', path: '{sign,verify}', use: 'signature', algorithm: { argument: 0 }, input: 1 },
];

/**
 * Node's crypto module. `createHash`/`createHmac` and `hash()` are fast digests; `pbkdf2` and `scrypt` are
 * password-based KDFs whose cost the caller sets (scrypt's defaults, from the docs: N=16384, r=8, p=1).
 * Ciphers take (algorithm, key, iv); `createCipher`/`createDecipher` (deprecated in Node 10, removed in 22)
 * derive key and IV from a password with one unsalted MD5 round (EVP_BytesToKey). Key generation reads
 * `modulusLength`, `namedCurve`, `primeLength` and `group` from its options; `createDiffieHellman(bits)` takes
 * the prime size, `getDiffieHellman(name)` a MODP group.
 */
export const nodeCrypto: LibraryModel = {
  name: 'crypto',
  modules: ['crypto', 'node:crypto'],
  docs: 'https://nodejs.org/api/crypto.html',
  rows: [
    // `**`: `createHash('sha256').update(salt).update(password)` feeds every `update` into one digest.
    { concept: 'fast-hash', path: 'createHash().**.update', argument: 0 },
    { concept: 'fast-hash', path: 'createHmac().**.update', argument: 0 },
    { concept: 'fast-hash', path: 'hash', argument: 1 },
    {
      concept: 'password-hash',
      path: '{pbkdf2,pbkdf2Sync}',
      argument: 0,
      algorithm: 'pbkdf2',
      workFactors: [
        { parameter: 'pbkdf2-iterations', argument: 2 },
        { parameter: 'pbkdf2-digest', argument: 4 },
      ],
    },
    {
      concept: 'password-hash',
      path: '{scrypt,scryptSync}',
      argument: 0,
      algorithm: 'scrypt',
      workFactors: [
        { parameter: 'scrypt-cost', argument: 3, property: 'N', default: 16384 },
        { parameter: 'scrypt-cost', argument: 3, property: 'cost', default: 16384 },
        { parameter: 'scrypt-block-size', argument: 3, property: 'r', default: 8 },
        { parameter: 'scrypt-block-size', argument: 3, property: 'blockSize', default: 8 },
        { parameter: 'scrypt-parallelization', argument: 3, property: 'p', default: 1 },
        { parameter: 'scrypt-parallelization', argument: 3, property: 'parallelization', default: 1 },
      ],
    },
    ...cryptoRows,
  ],
};
