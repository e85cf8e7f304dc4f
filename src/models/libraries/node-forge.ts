import type { LibraryModel } from '../concepts.js';

/**
 * node-forge (https://github.com/digitalbazaar/forge#ciphers): `forge.cipher.createCipher('AES-CBC', key)` takes
 * the algorithm as `<CIPHER>-<MODE>` (AES, 3DES, DES; ECB, CBC, CFB, OFB, CTR, GCM) and the IV later, in
 * `start({ iv })`; `rc2.createEncryptionCipher(key)` is RC2. `pki.rsa.generateKeyPair(bits)` or `({ bits })`
 * makes RSA keys; `random.getBytesSync(n)` returns n random bytes; `md.md5`/`md.sha1` and `hmac.start('sha1',
 * key)` are the weak digests.
 */
export const nodeForge: LibraryModel = {
  name: 'node-forge',
  modules: ['node-forge'],
  docs: 'https://github.com/digitalbazaar/forge#readme',
  rows: [
    { concept: 'cipher', path: 'cipher.createCipher', direction: 'encrypt', algorithm: { argument: 0 }, key: { argument: 1 } },
    { concept: 'cipher', path: 'cipher.createDecipher', direction: 'decrypt', algorithm: { argument: 0 }, key: { argument: 1 } },
    { concept: 'cipher', path: 'rc2.createEncryptionCipher', direction: 'encrypt', algorithm: { named: 'rc2' }, key: { argument: 0 } },
    {
      concept: 'key-generation',
      path: 'pki.rsa.generateKeyPair',
      keyType: { named: 'rsa' },
      settings: [
        { parameter: 'modulus-bits', argument: 0 },
        { parameter: 'modulus-bits', argument: 0, property: 'bits' },
      ],
    },
    { concept: 'key-material', path: 'random.getBytesSync', source: 'random', length: { argument: 0, unit: 'bytes' } },
    { concept: 'digest-algorithm', path: 'md.{md5,sha1}.create', use: 'hash', algorithm: { step: 1, names: { md5: 'md5', sha1: 'sha1' } } },
    { concept: 'digest-algorithm', path: 'hmac.create().start', use: 'hmac', algorithm: { argument: 0 }, key: { argument: 1 } },
  ],
};
