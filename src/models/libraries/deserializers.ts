import type { LibraryModel } from '../concepts.js';

/**
 * Deserializers that rebuild functions from their input, so a crafted payload runs code while it is read.
 * `JSON.parse`, `yaml` (eemeli) and js-yaml 4 `load` build plain data only and are not modeled here.
 */

/**
 * node-serialize (https://github.com/luin/serialize#readme): `unserialize` turns `_$$ND_FUNC$$_function(){...}`
 * strings back into functions with `eval`; a trailing `()` makes the function run during unserialize
 * (CVE-2017-5941).
 */
export const nodeSerialize: LibraryModel = {
  name: 'node-serialize',
  modules: ['node-serialize'],
  docs: 'https://github.com/luin/serialize#readme',
  rows: [{ concept: 'object-deserialization', path: 'unserialize', argument: 0 }],
};

/** funcster (https://github.com/jeffomatic/funcster#readme): `deepDeserialize` compiles `__js_function` strings into functions. */
export const funcster: LibraryModel = {
  name: 'funcster',
  modules: ['funcster'],
  docs: 'https://github.com/jeffomatic/funcster#readme',
  rows: [{ concept: 'object-deserialization', path: '{deepDeserialize,deserialize}', argument: 0 }],
};

/** cryo (https://github.com/hunterloftis/cryo#readme): `Cryo.parse` revives serialized functions and prototypes from the text. */
export const cryo: LibraryModel = {
  name: 'cryo',
  modules: ['cryo'],
  docs: 'https://github.com/hunterloftis/cryo#readme',
  rows: [{ concept: 'object-deserialization', path: 'parse', argument: 0 }],
};

/** serialize-to-js before v3 (https://github.com/commenthol/serialize-to-js#readme): `deserialize` evaluates its input as JavaScript. */
export const serializeToJs: LibraryModel = {
  name: 'serialize-to-js',
  modules: ['serialize-to-js'],
  docs: 'https://github.com/commenthol/serialize-to-js#readme',
  rows: [{ concept: 'object-deserialization', path: 'deserialize', argument: 0 }],
};
