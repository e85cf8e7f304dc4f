import type { LibraryModel } from '../concepts.js';

/**
 * Deep merge and property-path libraries: each walks keys it was given into the target, creating nested
 * objects as it goes, so a `__proto__` or `constructor.prototype` key reaches `Object.prototype`. Many have
 * since added key filters (lodash 4.17.12+, deep-extend 0.5.1+, set-value 4.0.1+); versions are not checked,
 * the call still merges keys the client chose. `Object.assign` and spread copy own properties one level deep
 * and are not modeled: at worst they replace the new object's own prototype, never `Object.prototype`.
 */

/** lodash (https://lodash.com/docs/4.17.15#merge): `merge`, `mergeWith`, `defaultsDeep` merge sources 1..n; `set`/`setWith` take a path; `zipObjectDeep` a list of paths. */
export const lodashDeepMerge: LibraryModel = {
  name: 'lodash',
  modules: ['lodash', 'lodash-es'],
  docs: 'https://lodash.com/docs/4.17.15#merge',
  rows: [
    { concept: 'deep-merge', path: '{merge,mergeWith,defaultsDeep}', argument: 1 },
    { concept: 'property-path-write', path: '{set,setWith}', argument: 1 },
    { concept: 'property-path-write', path: 'zipObjectDeep', argument: 0 },
  ],
};

/** The per-method lodash packages and module paths (`lodash.merge`, `lodash/merge`): the module is the function. */
export const lodashMergeModules: LibraryModel = {
  name: 'lodash.merge',
  modules: ['lodash.merge', 'lodash/merge', 'lodash-es/merge', 'lodash.mergewith', 'lodash/mergeWith', 'lodash.defaultsdeep', 'lodash/defaultsDeep'],
  docs: 'https://www.npmjs.com/package/lodash.merge',
  rows: [{ concept: 'deep-merge', path: '', argument: 1 }],
};

export const lodashSetModules: LibraryModel = {
  name: 'lodash.set',
  modules: ['lodash.set', 'lodash/set', 'lodash-es/set', 'lodash.setwith', 'lodash/setWith'],
  docs: 'https://www.npmjs.com/package/lodash.set',
  rows: [{ concept: 'property-path-write', path: '', argument: 1 }],
};

/** deep-extend (https://github.com/unclechu/node-deep-extend#readme): `deepExtend(target, ...sources)`. */
export const deepExtend: LibraryModel = {
  name: 'deep-extend',
  modules: ['deep-extend'],
  docs: 'https://github.com/unclechu/node-deep-extend#readme',
  rows: [{ concept: 'deep-merge', path: '', argument: 1 }],
};

/**
 * merge (https://github.com/yeikel/node-merge#readme): `merge.recursive(clone, ...objects)`; argument 0 is the
 * `clone` flag or the target, so sources start at 1. Plain `merge()` is shallow and not modeled.
 */
export const npmMerge: LibraryModel = {
  name: 'merge',
  modules: ['merge'],
  docs: 'https://github.com/yeikel/node-merge#readme',
  rows: [{ concept: 'deep-merge', path: 'recursive', argument: 1 }],
};

/** jonschlinkert's mixin-deep, assign-deep and defaults-deep: `fn(target, ...objects)`, the module is the function. */
export const jonschlinkertDeepMerge: LibraryModel = {
  name: 'mixin-deep',
  modules: ['mixin-deep', 'assign-deep', 'defaults-deep'],
  docs: 'https://github.com/jonschlinkert/mixin-deep#readme',
  rows: [{ concept: 'deep-merge', path: '', argument: 1 }],
};

/** dot-prop (https://github.com/sindresorhus/dot-prop#readme): `setProperty(object, path, value)` (v7+), `set` before. */
export const dotProp: LibraryModel = {
  name: 'dot-prop',
  modules: ['dot-prop'],
  docs: 'https://github.com/sindresorhus/dot-prop#readme',
  rows: [{ concept: 'property-path-write', path: '{setProperty,set}', argument: 1 }],
};

/** object-path (https://github.com/mariocasciaro/object-path#readme): writers that create objects along `path`. */
export const objectPath: LibraryModel = {
  name: 'object-path',
  modules: ['object-path'],
  docs: 'https://github.com/mariocasciaro/object-path#readme',
  rows: [{ concept: 'property-path-write', path: '{set,insert,push,ensureExists}', argument: 1 }],
};

/** set-value (https://github.com/jonschlinkert/set-value#readme): `set(object, path, value)`, the module is the function. */
export const setValue: LibraryModel = {
  name: 'set-value',
  modules: ['set-value'],
  docs: 'https://github.com/jonschlinkert/set-value#readme',
  rows: [{ concept: 'property-path-write', path: '', argument: 1 }],
};

export const DEEP_MERGE_LIBRARIES: readonly LibraryModel[] = [lodashDeepMerge, lodashMergeModules, lodashSetModules, deepExtend, npmMerge, jonschlinkertDeepMerge, dotProp, objectPath, setValue];
