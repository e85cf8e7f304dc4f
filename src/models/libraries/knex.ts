import type { LibraryModel } from '../concepts.js';

/** knex: the `*Raw` builder methods and `raw()` take SQL text; `?` and `??` bindings in their second argument are bound. */
export const RAW_METHODS = '{raw,whereRaw,orWhereRaw,andWhereRaw,whereNotRaw,havingRaw,orHavingRaw,orderByRaw,groupByRaw,joinRaw,fromRaw,joinRaw,onRaw}';

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

/**
 * Objection (https://vincit.github.io/objection.js/recipes/raw-queries.html): `raw(sql, bindings)`, a model's
 * `raw` and `knex().raw`, and the knex `*Raw` builder methods on `Model.query()` chains (a project model class
 * extends `Model`, so `User.query()` is `Model.query()`).
 */
export const objection: LibraryModel = {
  name: 'objection',
  modules: ['objection'],
  docs: 'https://vincit.github.io/objection.js/recipes/raw-queries.html',
  rows: [
    { concept: 'sql-execution', path: 'raw', argument: 0 },
    { concept: 'sql-execution', path: 'Model.raw', argument: 0 },
    { concept: 'sql-execution', path: 'Model.knex().raw', argument: 0 },
    { concept: 'sql-execution', path: `Model.{query,relatedQuery}().**.${RAW_METHODS}`, argument: 0 },
    { concept: 'sql-execution', path: `Model().{$query,$relatedQuery}().**.${RAW_METHODS}`, argument: 0 },
  ],
};
