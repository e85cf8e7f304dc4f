import type { LibraryModel } from '../concepts.js';

/**
 * node-rsa (https://github.com/rzcoder/node-rsa#usage): `new NodeRSA({ b: 512 })` generates a key of `b` bits;
 * `key.generateKeyPair(bits)` regenerates one (2048 bits unless given). `new NodeRSA(pem)` imports a key.
 */
export const nodeRsa: LibraryModel = {
  name: 'node-rsa',
  modules: ['node-rsa'],
  docs: 'https://github.com/rzcoder/node-rsa#usage',
  rows: [
    { concept: 'key-generation', path: '', keyType: { named: 'rsa' }, settings: [{ parameter: 'modulus-bits', argument: 0, property: 'b' }] },
    { concept: 'key-generation', path: '().generateKeyPair', keyType: { named: 'rsa' }, settings: [{ parameter: 'modulus-bits', argument: 0, default: 2048 }] },
  ],
};
