import type { LibraryModel } from '../concepts.js';

/** knex: the `*Raw` builder methods and `raw()` take SQL text; `?` and `??` bindings in their second argument are bound. */
const RAW_METHODS = '{raw,whereRaw,orWhereRaw,andWhereRaw,whereNotRaw,havingRaw,orHavingRaw,orderByRaw,groupByRaw,joinRaw,fromRaw,joinRaw,onRaw}';

export const knex: LibraryModel = {
  name: 'knex',
  modules: ['knex'],
  docs: 'https://knexjs.org/guide/raw.html',
  rows: [
    { concept: 'sql-execution', path: `().**.${RAW_METHODS}`, argument: 0 },
    { concept: 'sql-execution', path: `{knex,Knex}().**.${RAW_METHODS}`, argument: 0 },
  ],
};
