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
    // `knex({ client, connection })`: `connection` is an options object with `password`, or a connection URL.
    { concept: 'secret-argument', path: '', argument: 0, property: 'connection.password', secret: 'password' },
    { concept: 'secret-argument', path: '', argument: 0, property: 'connection', secret: 'connection-url' },
    { concept: 'secret-argument', path: '{knex,Knex}', argument: 0, property: 'connection.password', secret: 'password' },
  ],
};
