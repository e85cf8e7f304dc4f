import { SANITIZER_KINDS, type LibraryModel, type PrintfFormat } from '../concepts.js';

/**
 * node:path (https://nodejs.org/api/path.html): `join`/`resolve`/`normalize` build a path from their
 * arguments (a `..` segment survives: `join('/srv', '../etc')` is `/etc`), so taint passes through; `resolve`
 * returns an absolute, normalized path, the one a `startsWith(root)` check can confine. `basename` keeps the
 * last segment only: no separator, no `..` left to climb with.
 */
export const nodePath: LibraryModel = {
  name: 'path',
  modules: ['path', 'node:path', 'path/posix', 'path/win32'],
  docs: 'https://nodejs.org/api/path.html',
  rows: [
    { concept: 'taint-step', path: '{join,normalize,format,toNamespacedPath}' },
    { concept: 'taint-step', path: '{posix,win32}.{join,normalize,format}' },
    { concept: 'taint-step', path: 'resolve', resolvesPath: true },
    { concept: 'taint-step', path: '{posix,win32}.resolve', resolvesPath: true },
    { concept: 'sanitizer', path: 'basename', argument: 0, kinds: ['path'] },
    { concept: 'sanitizer', path: '{posix,win32}.basename', argument: 0, kinds: ['path'] },
  ],
};

/**
 * util.format (https://nodejs.org/api/util.html#utilformatformat-args), which console.log uses too: `%s` writes a
 * string as it is; `%d`, `%i`, `%f` write a number; `%j` writes JSON; `%o`, `%O` write util.inspect output, whose
 * strings are quoted with CR and LF escaped; `%c` is dropped. Values past the placeholders are appended: strings
 * as they are, anything else through util.inspect.
 */
export const UTIL_FORMAT: PrintfFormat = {
  escapes: { d: SANITIZER_KINDS, i: SANITIZER_KINDS, f: SANITIZER_KINDS, c: SANITIZER_KINDS, j: ['log', 'header'], o: ['log', 'header'], O: ['log', 'header'] },
  appendsRest: true,
  inspectsObjects: ['log', 'header'],
};

/** node:util and node:url/querystring: values built from (or parsed out of) their arguments. */
export const nodeUtil: LibraryModel = {
  name: 'util',
  modules: ['util', 'node:util', 'url', 'node:url', 'querystring', 'node:querystring'],
  docs: 'https://nodejs.org/api/util.html#utilformatformat-args',
  rows: [
    { concept: 'format-string', path: 'format', argument: 0, ...UTIL_FORMAT },
    { concept: 'format-string', path: 'formatWithOptions', argument: 1, ...UTIL_FORMAT },
    { concept: 'taint-step', path: '{parse,fileURLToPath,unescape,decode}' },
    { concept: 'taint-step', path: '{URL,URLSearchParams}' },
  ],
};

/** `util.promisify(fn)` returns a function that calls `fn` with the same arguments (https://nodejs.org/api/util.html#utilpromisifyoriginal). */
export const nodeUtilWrappers: LibraryModel = {
  name: 'util',
  modules: ['util', 'node:util'],
  docs: 'https://nodejs.org/api/util.html#utilpromisifyoriginal',
  rows: [{ concept: 'function-wrapper', path: 'promisify', argument: 0 }],
};
