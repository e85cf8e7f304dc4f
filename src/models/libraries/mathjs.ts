import type { LibraryModel } from '../concepts.js';

const EVALUATORS = '{evaluate,eval,compile}';

/**
 * mathjs (https://mathjs.org/docs/expressions/parsing.html): `evaluate(expr)` (`eval` before v6),
 * `compile(expr).evaluate()`, `parser().evaluate(expr)`, on the module or on an instance from `create(all)`.
 * Its expression language is a general evaluator with access to functions and object properties; sandbox
 * escapes reaching JavaScript have been found repeatedly (CVE-2017-1001002, CVE-2017-1001003 and later
 * advisories; https://mathjs.org/docs/expressions/security.html). Newer versions are hardened, but
 * evaluating expressions a client writes is the risk the docs warn about, whatever the version.
 */
export const mathjs: LibraryModel = {
  name: 'mathjs',
  modules: ['mathjs'],
  docs: 'https://mathjs.org/docs/expressions/security.html',
  rows: [
    { concept: 'code-execution', path: EVALUATORS, argument: 0 },
    { concept: 'code-execution', path: 'parser().{evaluate,eval}', argument: 0 },
    { concept: 'code-execution', path: `create().${EVALUATORS}`, argument: 0 },
    { concept: 'code-execution', path: 'create().parser().{evaluate,eval}', argument: 0 },
  ],
};
