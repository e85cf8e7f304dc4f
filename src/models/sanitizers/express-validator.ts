/**
 * express-validator (https://express-validator.github.io/docs/): chains such as `body('age').isInt()` run as
 * route middleware before the handler. A validator only records an error, so it counts when the handler reads
 * the result (`validationResult(req)`); a sanitizer (`toInt()`) rewrites the request field, so it counts alone.
 */
export interface ValidationChainModel {
  readonly modules: readonly string[];
  readonly docs: string;
  /** Chain starters and the request members (express shape) their field names are read from. */
  readonly starters: Readonly<Record<string, readonly string[]>>;
  /** Validators after which the field holds no text that can carry injection (when the result is checked). */
  readonly safeValidators: readonly string[];
  /** Sanitizers that replace the field with a number, boolean or date. */
  readonly safeSanitizers: readonly string[];
  /** Functions whose call on the request reads the validation result. */
  readonly resultReaders: readonly string[];
}

export const expressValidator: ValidationChainModel = {
  modules: ['express-validator'],
  docs: 'https://express-validator.github.io/docs/guides/getting-started',
  starters: {
    body: ['body'],
    query: ['query'],
    param: ['params'],
    cookie: ['cookies'],
    header: ['headers'],
    check: ['body', 'query', 'params', 'cookies', 'headers'],
  },
  safeValidators: ['isInt', 'isFloat', 'isNumeric', 'isDecimal', 'isBoolean', 'isUUID', 'isMongoId', 'isIn', 'isAlphanumeric', 'isAlpha', 'isHexadecimal', 'isISO8601', 'isDate', 'isPort'],
  safeSanitizers: ['toInt', 'toFloat', 'toBoolean', 'toDate'],
  resultReaders: ['validationResult', 'matchedData'],
};
