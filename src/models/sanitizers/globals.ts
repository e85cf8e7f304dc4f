/**
 * What built-in globals do to taint. Numeric coercion returns a number whatever the input, so the value is
 * clean for every sink (CodeQL: a number cannot carry a quote); `encodeURIComponent` escapes for a URL
 * component only (it leaves `'` and `(`, and `..` survives it); the rest return a value built from their input.
 * Names are resolved first: a local `function Number()` is not the global.
 */
import type { RequestInputKind, SanitizerKind } from '../concepts.js';

export type GlobalEffect =
  | { readonly effect: 'clean' }
  | { readonly effect: 'propagate'; readonly returnsText?: true }
  | { readonly effect: 'sanitize'; readonly kinds: readonly SanitizerKind[]; readonly returnsText?: true };

const CLEAN = { effect: 'clean' } as const;
const PROPAGATE = { effect: 'propagate' } as const;
/** Returns a string built from its input: taint passes, but no object does (OBJECT_KINDS). */
const TEXT = { effect: 'propagate', returnsText: true } as const;

/** Keyed by global name, or `Global.member` for a static method; a `new` call uses the same key. */
export const GLOBAL_FUNCTIONS: Readonly<Record<string, GlobalEffect>> = {
  Number: CLEAN,
  parseInt: CLEAN,
  parseFloat: CLEAN,
  BigInt: CLEAN,
  Boolean: CLEAN,
  isNaN: CLEAN,
  isFinite: CLEAN,
  Date: CLEAN,
  'Math.*': CLEAN,
  'Number.*': CLEAN,
  'Date.*': CLEAN,
  'Array.isArray': CLEAN,
  // It also percent-encodes CR and LF, so the result cannot start a log or header line.
  encodeURIComponent: { effect: 'sanitize', kinds: ['url', 'log', 'header'] },
  // ES2025 `RegExp.escape(s)` escapes every character with a meaning in a pattern.
  'RegExp.escape': { effect: 'sanitize', kinds: ['regex'] },
  String: TEXT,
  encodeURI: TEXT,
  decodeURI: TEXT,
  decodeURIComponent: TEXT,
  unescape: TEXT,
  escape: TEXT,
  atob: TEXT,
  btoa: TEXT,
  // A JSON string escapes CR and LF (as `\n` and `\r`): one log or header line whatever the input.
  'JSON.stringify': { effect: 'sanitize', kinds: ['log', 'header'], returnsText: true },
  'JSON.parse': PROPAGATE,
  'Buffer.from': PROPAGATE,
  'Buffer.concat': PROPAGATE,
  // Keys of a parsed body are the client's too (`Object.keys(req.body)` as column names).
  'Object.keys': PROPAGATE,
  'Object.values': PROPAGATE,
  'Object.entries': PROPAGATE,
  'Object.assign': PROPAGATE,
  'Object.fromEntries': PROPAGATE,
  'Array.from': PROPAGATE,
  'Array.of': PROPAGATE,
  'String.raw': TEXT,
  'Promise.resolve': PROPAGATE,
  'Promise.all': PROPAGATE,
  URL: PROPAGATE,
  URLSearchParams: PROPAGATE,
};

/** Built-ins that compile or load a string argument as code (the first argument of the timers only when it is a string). */
export const GLOBAL_CODE_SINKS: Readonly<Record<string, { readonly arguments: 'first' | 'all' }>> = {
  eval: { arguments: 'first' },
  Function: { arguments: 'all' },
  setTimeout: { arguments: 'first' },
  setInterval: { arguments: 'first' },
  setImmediate: { arguments: 'first' },
  // Loading a module the request names runs that module's code (and reads any file `require` can reach).
  require: { arguments: 'first' },
};

/** Built-ins that compile argument 0 as a regular expression pattern (backtracking: `(a+)+$` can run for ages). */
export const GLOBAL_REGEX_SINKS: ReadonlySet<string> = new Set(['RegExp']);
/** String methods that turn a string argument 0 into a pattern (`new RegExp(arg)`), on a receiver known to be a string. */
export const STRING_PATTERN_METHODS: ReadonlySet<string> = new Set(['match', 'matchAll', 'search']);

/**
 * Methods that return (part of) their receiver's text or elements: taint passes from the receiver, and from
 * the arguments of those that splice them in. Methods returning numbers or booleans (`length`, `indexOf`,
 * `includes`, `test`) are absent: their result is clean.
 */
export const RECEIVER_METHODS: ReadonlySet<string> = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString', 'valueOf',
  'normalize', 'slice', 'substring', 'substr', 'split', 'at', 'charAt', 'padStart', 'padEnd', 'repeat', 'replace', 'replaceAll',
  'concat', 'join', 'flat', 'reverse', 'sort', 'filter', 'find', 'findLast', 'pop', 'shift', 'toSorted', 'toReversed', 'entries',
  'values', 'keys', 'get', 'getAll', 'match', 'matchAll', 'exec',
]);
/** Of those, the ones that always return a string (so no object passes through them). */
export const TEXT_RESULT_METHODS: ReadonlySet<string> = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString', 'normalize',
  'substring', 'substr', 'charAt', 'padStart', 'padEnd', 'repeat', 'replace', 'replaceAll', 'join',
]);
/** Of those, the ones whose arguments are spliced into the result. */
export const ARGUMENT_METHODS: ReadonlySet<string> = new Set(['concat', 'replace', 'replaceAll', 'padStart', 'padEnd']);
/** Array methods whose callback receives the receiver's elements in its first parameter. */
export const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every']);
/** Array methods whose result is built from their callback's return values. */
export const CALLBACK_RESULT_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);

/** Low-trust globals: `process.argv`, `process.env` (see models/sources/process.ts). */
export const LOW_TRUST_GLOBAL = 'process';
export type LowTrustKind = Extract<RequestInputKind, 'cli-argument' | 'environment'>;
