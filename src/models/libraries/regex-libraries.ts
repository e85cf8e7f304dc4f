import type { LibraryModel } from '../concepts.js';

/**
 * Pattern escapers and compilers. An escaper backslashes every metacharacter, so its result matches itself
 * literally: safe as a pattern, and nothing else (it leaves quotes and `<`). re2 is deliberately absent: its
 * linear-time engine cannot backtrack catastrophically, so `new RE2(input)` is no ReDoS (the meaning of the
 * pattern is still the caller's; see docs/rules/regex-injection.md).
 */
export const escapeStringRegexp: LibraryModel = {
  name: 'escape-string-regexp',
  modules: ['escape-string-regexp', 'escape-regexp', 'lodash.escaperegexp', 'lodash/escapeRegExp', 'lodash-es/escapeRegExp'],
  docs: 'https://github.com/sindresorhus/escape-string-regexp#readme',
  rows: [{ concept: 'sanitizer', path: '', argument: 0, kinds: ['regex'] }],
};

/** XRegExp compiles its pattern with the backtracking engine (`XRegExp(p)` or `new XRegExp(p)`); `escape` escapes. */
export const xregexp: LibraryModel = {
  name: 'xregexp',
  modules: ['xregexp'],
  docs: 'https://xregexp.com/api/',
  rows: [
    { concept: 'regex-compilation', path: '', argument: 0 },
    { concept: 'sanitizer', path: 'escape', argument: 0, kinds: ['regex'] },
  ],
};

export const REGEX_LIBRARIES: readonly LibraryModel[] = [escapeStringRegexp, xregexp];
