import type { LibraryModel } from '../concepts.js';

/**
 * node:vm (https://nodejs.org/api/vm.html): compiles and runs its first argument as JavaScript. The docs warn
 * that vm "is not a security mechanism": code run in a new context still reaches the host through its objects.
 */
export const nodeVm: LibraryModel = {
  name: 'vm',
  modules: ['vm', 'node:vm'],
  docs: 'https://nodejs.org/api/vm.html',
  rows: [
    { concept: 'code-execution', path: '{runInNewContext,runInThisContext,runInContext,compileFunction}', argument: 0 },
    { concept: 'code-execution', path: 'Script', argument: 0 },
  ],
};
