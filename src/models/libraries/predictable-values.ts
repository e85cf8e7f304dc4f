/**
 * Values an observer can predict: not drawn from a CSPRNG. uuid's `v1` and `v6` are a timestamp plus a node id
 * (the MAC address or a random number fixed per process), `v4`/`v7` are random (https://github.com/uuidjs/uuid);
 * `nanoid/non-secure` and `shortid` use Math.random (their READMEs say so). The globals are xorshift128+
 * (`Math.random`, https://v8.dev/blog/math-random) and clocks.
 */
import type { LibraryModel } from '../concepts.js';

export const uuidTimeBased: LibraryModel = {
  name: 'uuid',
  modules: ['uuid'],
  docs: 'https://github.com/uuidjs/uuid#uuidv1options-buffer-offset',
  rows: [{ concept: 'predictable-value', path: '{v1,v6}', source: 'a time-based UUID' }],
};

export const uuidV1Module: LibraryModel = {
  name: 'uuid',
  modules: ['uuid/v1'],
  docs: 'https://github.com/uuidjs/uuid/blob/v3.4.0/README.md#version-1',
  rows: [{ concept: 'predictable-value', path: '', source: 'a time-based UUID' }],
};

export const nonSecureIds: LibraryModel = {
  name: 'non-secure id',
  modules: ['nanoid/non-secure', 'shortid'],
  docs: 'https://github.com/ai/nanoid#insecure-api',
  rows: [
    { concept: 'predictable-value', path: '{nanoid,generate}', source: 'an id from Math.random' },
    { concept: 'predictable-value', path: 'customAlphabet()', source: 'an id from Math.random' },
  ],
};

/** A global function whose result is predictable: `Math.random()`, `Date.now()`. */
export interface PredictableGlobal {
  readonly global: string;
  readonly member: string;
  /** For messages: what the value is. */
  readonly source: string;
  /** It draws pseudo-random numbers (as opposed to reading a clock): the suggestion replaces it with a CSPRNG draw. */
  readonly isRandom: boolean;
}

export const PREDICTABLE_GLOBALS: readonly PredictableGlobal[] = [
  { global: 'Math', member: 'random', source: 'Math.random()', isRandom: true },
  { global: 'Date', member: 'now', source: 'the clock (Date.now())', isRandom: false },
  { global: 'performance', member: 'now', source: 'the clock (performance.now())', isRandom: false },
];
