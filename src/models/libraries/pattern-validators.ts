/**
 * Validation libraries that test request input against a regular expression the code hands them. The pattern
 * runs with V8's backtracking engine on whatever a client sends, so a catastrophic pattern here is a ReDoS
 * (rules/redos.ts). Each row's `argument` is the pattern.
 */
import type { LibraryModel } from '../concepts.js';

/** express-validator: `body('zip').matches(/^…$/)` on any chain (https://express-validator.github.io/docs/api/validation-chain#matches). */
export const expressValidatorPatterns: LibraryModel = {
  name: 'express-validator',
  modules: ['express-validator'],
  docs: 'https://express-validator.github.io/docs/api/validation-chain#matches',
  rows: [{ concept: 'pattern-validator', path: '**.matches', argument: 0 }],
};

/** Joi: `Joi.string().pattern(re)` and its alias `regex` (https://joi.dev/api/#stringpatternregex-name--options---aliases-regex). */
export const joiPatterns: LibraryModel = {
  name: 'joi',
  modules: ['joi', '@hapi/joi'],
  docs: 'https://joi.dev/api/#stringpatternregex-name--options---aliases-regex',
  rows: [{ concept: 'pattern-validator', path: '**.{pattern,regex}', argument: 0 }],
};

/** yup: `string().matches(re)` (https://github.com/jquense/yup#stringmatchesregex-regex-message-string--function-schema). */
export const yupPatterns: LibraryModel = {
  name: 'yup',
  modules: ['yup'],
  docs: 'https://github.com/jquense/yup#stringmatchesregex-regex-message-string--function-schema',
  rows: [{ concept: 'pattern-validator', path: '**.matches', argument: 0 }],
};

/** zod: `z.string().regex(re)` (https://zod.dev/api#strings); valibot: `v.regex(re)` in a pipe (https://valibot.dev/api/regex/). */
export const zodPatterns: LibraryModel = {
  name: 'zod',
  modules: ['zod', 'zod/v4'],
  docs: 'https://zod.dev/api#strings',
  rows: [{ concept: 'pattern-validator', path: '**.regex', argument: 0 }],
};

export const valibotPatterns: LibraryModel = {
  name: 'valibot',
  modules: ['valibot'],
  docs: 'https://valibot.dev/api/regex/',
  rows: [{ concept: 'pattern-validator', path: 'regex', argument: 0 }],
};

/** class-validator: the `@Matches(re)` decorator and the `matches(value, re)` function (https://github.com/typestack/class-validator#validation-decorators). */
export const classValidatorPatterns: LibraryModel = {
  name: 'class-validator',
  modules: ['class-validator'],
  docs: 'https://github.com/typestack/class-validator#validation-decorators',
  rows: [
    { concept: 'pattern-validator', path: 'Matches', argument: 0 },
    { concept: 'pattern-validator', path: 'matches', argument: 1 },
  ],
};

/** validator.js: `validator.matches(str, re)` (https://github.com/validatorjs/validator.js#validators). */
export const validatorPatterns: LibraryModel = {
  name: 'validator',
  modules: ['validator'],
  docs: 'https://github.com/validatorjs/validator.js#validators',
  rows: [{ concept: 'pattern-validator', path: 'matches', argument: 1 }],
};

export const validatorMatchesModule: LibraryModel = {
  name: 'validator',
  modules: ['validator/lib/matches', 'validator/es/lib/matches'],
  docs: 'https://github.com/validatorjs/validator.js#validators',
  rows: [{ concept: 'pattern-validator', path: '', argument: 1 }],
};

export const PATTERN_VALIDATOR_MODELS: readonly LibraryModel[] = [
  expressValidatorPatterns,
  joiPatterns,
  yupPatterns,
  zodPatterns,
  valibotPatterns,
  classValidatorPatterns,
  validatorPatterns,
  validatorMatchesModule,
];
