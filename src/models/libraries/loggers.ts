import type { LibraryModel, LogWriteRow } from '../concepts.js';

/**
 * Loggers that write plain text, one entry a line, by default: a CR/LF in a message forges a new entry
 * (CWE-117). The global `console` is in web-globals.ts. Structured loggers are absent on purpose: pino and
 * bunyan write each entry as one JSON object, whose strings escape newlines, and so does winston's default
 * `json` format (winston with `format.simple()`/`printf` writes text, but the format is chosen at
 * `createLogger`, which a row on `logger.info` cannot see: a known gap).
 */
const LOG4JS_LEVELS = '{trace,debug,info,warn,error,fatal,mark,log}';

/** A message and the first value formatted into it (`logger.info('login failed for %s', user)`, `logger.warn('bad user', user)`). */
function messageRows(path: string): LogWriteRow[] {
  return [0, 1].map((argument) => ({ concept: 'log-write', path, argument }));
}

/** log4js (https://log4js-node.github.io/log4js-node/layouts.html): the default layouts are text lines. */
export const log4js: LibraryModel = {
  name: 'log4js',
  modules: ['log4js'],
  docs: 'https://log4js-node.github.io/log4js-node/api.html',
  rows: messageRows(`getLogger().${LOG4JS_LEVELS}`),
};
