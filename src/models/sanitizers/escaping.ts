/**
 * Escaping and sanitizing libraries, each for the one context it was written for. An HTML escaper leaves
 * `'` alone in some modes and never touches `../`: a row lists only the sink kinds its docs promise.
 * A row's path names the callee; `''` is the module itself, called as a function (`escapeHtml(s)`).
 */
import { SANITIZER_KINDS, type LibraryModel } from '../concepts.js';

export const escapeHtml: LibraryModel = {
  name: 'escape-html',
  modules: ['escape-html'],
  docs: 'https://github.com/component/escape-html#readme',
  rows: [{ concept: 'sanitizer', path: '', argument: 0, kinds: ['html'] }],
};

export const he: LibraryModel = {
  name: 'he',
  modules: ['he'],
  docs: 'https://github.com/mathiasbynens/he#heencodetext-options',
  rows: [{ concept: 'sanitizer', path: '{encode,escape}', argument: 0, kinds: ['html'] }],
};

/** DOMPurify removes script from markup; the result is still markup, safe only where HTML is expected. */
export const domPurify: LibraryModel = {
  name: 'dompurify',
  modules: ['dompurify', 'isomorphic-dompurify'],
  docs: 'https://github.com/cure53/DOMPurify#how-do-i-use-it',
  rows: [
    { concept: 'sanitizer', path: 'sanitize', argument: 0, kinds: ['html'] },
    { concept: 'sanitizer', path: '().sanitize', argument: 0, kinds: ['html'] },
  ],
};

export const sanitizeHtml: LibraryModel = {
  name: 'sanitize-html',
  modules: ['sanitize-html', 'xss'],
  docs: 'https://github.com/apostrophecms/sanitize-html#readme',
  rows: [
    { concept: 'sanitizer', path: '', argument: 0, kinds: ['html'] },
    { concept: 'sanitizer', path: 'filterXSS', argument: 0, kinds: ['html'] },
  ],
};

/** lodash/underscore `escape` replaces `& < > " '` with entities (HTML only); `escapeRegExp` backslashes pattern metacharacters. */
export const lodashEscapers: LibraryModel = {
  name: 'lodash',
  modules: ['lodash', 'lodash-es', 'underscore'],
  docs: 'https://lodash.com/docs/4.17.15#escape',
  rows: [
    { concept: 'sanitizer', path: 'escape', argument: 0, kinds: ['html'] },
    { concept: 'sanitizer', path: 'escapeRegExp', argument: 0, kinds: ['regex'] },
  ],
};

/** sanitize-filename strips separators, `..` and control characters: one safe file name. */
export const sanitizeFilename: LibraryModel = {
  name: 'sanitize-filename',
  modules: ['sanitize-filename'],
  docs: 'https://github.com/parshap/node-sanitize-filename#readme',
  rows: [{ concept: 'sanitizer', path: '', argument: 0, kinds: ['path'] }],
};

/** shell-quote's `quote([args])` and shell-escape quote every argument for a POSIX shell. */
export const shellQuote: LibraryModel = {
  name: 'shell-quote',
  modules: ['shell-quote', 'shell-escape'],
  docs: 'https://github.com/ljharb/shell-quote#quote',
  rows: [
    { concept: 'sanitizer', path: 'quote', argument: 0, kinds: ['shell'] },
    { concept: 'sanitizer', path: '', argument: 0, kinds: ['shell'] },
  ],
};

/**
 * validator.js (https://github.com/validatorjs/validator.js#validators): a string that passed `isInt`,
 * `isUUID`, `isAlphanumeric`, `isIn` (or the like) holds no quote, separator or metacharacter, so it is safe in
 * every sink; `escape` replaces HTML metacharacters only. `isEmail` and `isURL` are not here: both admit quotes.
 */
export const validatorJs: LibraryModel = {
  name: 'validator',
  modules: ['validator', 'validator/validator'],
  docs: 'https://github.com/validatorjs/validator.js#validators',
  rows: [
    { concept: 'validator', path: '{isInt,isFloat,isNumeric,isDecimal,isHexadecimal,isUUID,isMongoId,isAlphanumeric,isAlpha,isBoolean,isIn,isISO8601,isDate,isPort}', argument: 0, kinds: SANITIZER_KINDS },
    { concept: 'sanitizer', path: '{toInt,toFloat,toBoolean,toDate}', argument: 0, kinds: SANITIZER_KINDS },
    { concept: 'sanitizer', path: 'escape', argument: 0, kinds: ['html'] },
  ],
};
