import type { LibraryModel } from '../concepts.js';

/**
 * Node's crypto module. `createHash`/`createHmac` and `hash()` are fast digests; `pbkdf2` and `scrypt` are
 * password-based KDFs whose cost the caller sets (scrypt's defaults, from the docs: N=16384, r=8, p=1).
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
  ],
};
