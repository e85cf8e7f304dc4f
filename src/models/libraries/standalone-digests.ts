import type { LibraryModel } from '../concepts.js';

const ENCODINGS = '{hex,array,digest,arrayBuffer,base64}';

/**
 * Single-purpose digest packages whose export is the hash function: `md5(message)` (md5, blueimp-md5,
 * js-md5), `sha1(message)` (sha1, js-sha1), and the js-sha256 / js-sha512 families (`sha256(message)`,
 * `sha256.hex(message)`, `sha256.create().update(message)`).
 */
export const standaloneDigests: LibraryModel = {
  name: 'digest package',
  modules: ['md5', 'blueimp-md5', 'js-md5', 'sha1', 'js-sha1', 'js-sha256', 'js-sha512'],
  docs: 'https://github.com/emn178/js-sha256#usage',
  rows: [
    // The empty path is the module itself: `import md5 from 'md5'; md5(x)`.
    { concept: 'fast-hash', path: '', argument: 0 },
    { concept: 'fast-hash', path: ENCODINGS, argument: 0 },
    { concept: 'fast-hash', path: '{sha256,sha224,sha512,sha384}', argument: 0 },
    { concept: 'fast-hash', path: `{sha256,sha224,sha512,sha384}.${ENCODINGS}`, argument: 0 },
    { concept: 'fast-hash', path: '**.create().**.update', argument: 0 },
  ],
};
