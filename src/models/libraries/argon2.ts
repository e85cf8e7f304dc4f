import type { LibraryModel } from '../concepts.js';

/** node-argon2: `hash(password, { memoryCost, timeCost })`; defaults from argon2.cjs (0.45): 64 MiB, 3 passes. */
export const argon2: LibraryModel = {
  name: 'argon2',
  modules: ['argon2'],
  docs: 'https://github.com/ranisalt/node-argon2/wiki/Options',
  rows: [
    {
      concept: 'password-hash',
      path: 'hash',
      argument: 0,
      algorithm: 'argon2',
      workFactors: [
        { parameter: 'argon2-memory-kib', argument: 1, property: 'memoryCost', default: 65536 },
        { parameter: 'argon2-passes', argument: 1, property: 'timeCost', default: 3 },
      ],
    },
    // `verify(hash, password)`: the password as `hash` took it; the cost is the stored hash's.
    { concept: 'password-hash', path: 'verify', argument: 1, algorithm: 'argon2', workFactors: [] },
  ],
};

/** @node-rs/argon2: the same options; its index.d.ts (2.x) documents defaults of 19456 KiB and 2 passes. */
export const nodeRsArgon2: LibraryModel = {
  name: '@node-rs/argon2',
  modules: ['@node-rs/argon2'],
  docs: 'https://github.com/napi-rs/node-rs/tree/main/packages/argon2',
  rows: [
    {
      concept: 'password-hash',
      path: '{hash,hashSync,hashRaw,hashRawSync}',
      argument: 0,
      algorithm: 'argon2',
      workFactors: [
        { parameter: 'argon2-memory-kib', argument: 1, property: 'memoryCost', default: 19456 },
        { parameter: 'argon2-passes', argument: 1, property: 'timeCost', default: 2 },
      ],
    },
  ],
};
