import type { LibraryModel } from '../concepts.js';

/** node-postgres: `query(text, values)` and `query({ text, values })` bind `$1` values; only the text is SQL. */
export const pg: LibraryModel = {
  name: 'pg',
  modules: ['pg', 'pg-pool'],
  docs: 'https://node-postgres.com/features/queries',
  rows: [
    { concept: 'sql-execution', path: '{Pool,Client,PoolClient}().query', argument: 0, property: 'text' },
    { concept: 'sql-execution', path: 'Pool().connect().query', argument: 0, property: 'text' },
    { concept: 'sql-execution', path: '().query', argument: 0, property: 'text' },
    { concept: 'sql-execution', path: 'native.{Pool,Client}().query', argument: 0, property: 'text' },
    { concept: 'sql-escape', path: '{Pool,Client,PoolClient}().{escapeLiteral,escapeIdentifier}' },
    { concept: 'sql-escape', path: 'Pool().connect().{escapeLiteral,escapeIdentifier}' },
    // The connection password, alone or inside `connectionString` (postgres://user:password@host/db).
    { concept: 'secret-argument', path: '{Pool,Client}', argument: 0, property: 'password', secret: 'password' },
    { concept: 'secret-argument', path: '{Pool,Client}', argument: 0, property: 'connectionString', secret: 'connection-url' },
  ],
};
